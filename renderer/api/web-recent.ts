/**
 * Open Recent in the browser app. A browser gives the page no paths, so what it can reopen is a
 * copy: each diagram opened or saved here is kept in this browser profile (the newest few, each
 * up to a size a profile's storage can spare), under a key that reads as `browser:<when>/<name>`.
 */
const KEY = 'strata.recent';
const KEEP = 5;
/** A larger diagram is not kept: browser storage holds about 5 MB per site, shared with the rest. */
const LARGEST = 1_500_000;
export const BROWSER_PREFIX = 'browser:';

interface Copy {
  readonly key: string;
  readonly name: string;
  readonly text: string;
}

function copies(): Copy[] {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter(isCopy) : [];
  } catch {
    return [];
  }
}

function isCopy(value: unknown): value is Copy {
  const copy = value as Copy;
  return typeof copy?.key === 'string' && typeof copy.name === 'string' && typeof copy.text === 'string';
}

/** Keeps a copy of a diagram just opened or saved, replacing an older copy of the same name. */
export function rememberCopy(name: string, text: string): void {
  if (text.length > LARGEST) return;
  let kept = [{ key: `${BROWSER_PREFIX}${Date.now()}/${name}`, name, text }, ...copies().filter((copy) => copy.name !== name)].slice(0, KEEP);
  // Storage full: the oldest copies make room, down to the new one alone.
  while (kept.length > 0) {
    try {
      localStorage.setItem(KEY, JSON.stringify(kept));
      return;
    } catch {
      kept = kept.slice(0, -1);
    }
  }
}

/** The kept copies' keys, newest first, as Open Recent lists paths. */
export function recentCopies(): string[] {
  return copies().map((copy) => copy.key);
}

export function readCopy(key: string): { name: string; text: string } | undefined {
  const copy = copies().find((candidate) => candidate.key === key);
  return copy && { name: copy.name, text: copy.text };
}

/** `shop.strata` and `kept in this browser, 2 Dec 05:40` for a copy's key; undefined for a real path. */
export function describeCopy(key: string): { name: string; where: string } | undefined {
  const match = /^browser:(\d+)\/(.*)$/s.exec(key);
  if (!match) return undefined;
  const when = new Date(Number(match[1])).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return { name: match[2]!, where: `kept in this browser, ${when}` };
}
