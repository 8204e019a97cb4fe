/**
 * When a scheduler node fires: its `schedule` key as typed in the Inspector, read as a named
 * interval (`nightly`, `hourly`, …), `every N seconds|minutes|hours|days`, a whole number of
 * seconds, or a five-field cron expression (UTC). An export writes the normalised value as the
 * default of a setting, so an operator can change it without touching code.
 */

export interface Schedule {
  /** A five-field cron expression (UTC) or a whole number of seconds, as the setting holds it. */
  readonly value: string;
  /** What the user typed, tidied (or `nightly` when nothing was). */
  readonly text: string;
}

/** What a scheduler without a `schedule` key does: once a day. */
export const DEFAULT_SCHEDULE = 'nightly';

const NAMED: Readonly<Record<string, string>> = {
  nightly: '0 3 * * *',
  daily: '0 3 * * *',
  hourly: '0 * * * *',
  weekly: '0 3 * * 1',
};

const UNIT_SECONDS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600, day: 86_400 };

/** Bounds of the five cron fields: minute, hour, day of month, month, day of week (7 is Sunday too). */
const CRON_BOUNDS: ReadonlyArray<readonly [number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

/** Examples for messages: what the Inspector and `strata validate` suggest. */
export const SCHEDULE_EXAMPLES = '"nightly", "hourly", "every 15 minutes", "300" (seconds) or a cron expression such as "0 3 * * *"';

/** The schedule of a node's `schedule` key (absent or blank: nightly), or undefined when it cannot be read. */
export function parseSchedule(raw: string | undefined): Schedule | undefined {
  const text = (raw ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { value: NAMED[DEFAULT_SCHEDULE]!, text: DEFAULT_SCHEDULE };
  const named = NAMED[text];
  if (named) return { value: named, text };
  const every = /^every (\d{1,9}) (second|minute|hour|day)s?$/.exec(text);
  if (every) {
    const seconds = Number(every[1]) * UNIT_SECONDS[every[2]!]!;
    return seconds >= 1 ? { value: String(seconds), text } : undefined;
  }
  if (/^\d{1,9}$/.test(text)) return Number(text) >= 1 ? { value: String(Number(text)), text } : undefined;
  const fields = text.split(' ');
  if (fields.length === 5 && fields.every((field, i) => cronField(field, CRON_BOUNDS[i]!))) return { value: text, text };
  return undefined;
}

/** One cron field: `*`, numbers, ranges and lists, each with an optional step (`*\/15`, `1-5`, `0,30`). */
function cronField(field: string, [low, high]: readonly [number, number]): boolean {
  return field.split(',').every((part) => {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return false;
    const inside = (n: string | undefined): boolean => n === undefined || (Number(n) >= low && Number(n) <= high);
    const ordered = match[3] === undefined || Number(match[2]) <= Number(match[3]);
    const step = match[4] === undefined || Number(match[4]) >= 1;
    return inside(match[2]) && inside(match[3]) && ordered && step;
  });
}
