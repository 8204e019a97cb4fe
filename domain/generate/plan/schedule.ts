/**
 * When a scheduler node fires (neutral design §5): the node's `schedule` key, as typed in the
 * inspector, read as a five-field cron expression or a whole number of seconds. The export
 * writes it as the default of a setting, so an operator can change it without code.
 */

export interface Schedule {
  /** A five-field cron expression (UTC) or a whole number of seconds, as the setting holds it. */
  readonly value: string;
  /** What the user typed (or `nightly` when nothing was). */
  readonly text: string;
}

export const DEFAULT_SCHEDULE = 'nightly';

const NAMED: Readonly<Record<string, string>> = {
  nightly: '0 3 * * *',
  daily: '0 3 * * *',
  hourly: '0 * * * *',
  weekly: '0 3 * * 1',
};

const UNIT_SECONDS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600, day: 86_400 };

/** A cron field: `*`, numbers, ranges, lists and steps (`*\/15`, `1-5`, `0,30`). */
const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;

/** The schedule of a node's `schedule` key, or undefined when the text cannot be read as one. */
export function parseSchedule(raw: unknown): Schedule | undefined {
  if (raw === undefined || raw === null || raw === '') return { value: NAMED.nightly!, text: DEFAULT_SCHEDULE };
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const named = NAMED[text];
  if (named) return { value: named, text };
  const every = /^every (\d+) (second|minute|hour|day)s?$/.exec(text);
  if (every) {
    const seconds = Number(every[1]) * UNIT_SECONDS[every[2]!]!;
    return seconds >= 1 ? { value: String(seconds), text } : undefined;
  }
  if (/^\d+$/.test(text)) return Number(text) >= 1 ? { value: String(Number(text)), text } : undefined;
  const fields = text.split(' ');
  if (fields.length === 5 && fields.every((f) => CRON_FIELD.test(f))) return { value: text, text };
  return undefined;
}
