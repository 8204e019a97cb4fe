/**
 * Paths are capabilities. The renderer is a web page showing untrusted files, so main accepts a
 * path from it only if main itself produced or granted that path: a dialog's answer, a
 * command-line argument, an OS open-file event, a drop, an entry of the recent list, or the open
 * document's own path. Everything else is refused, whatever the transport.
 */
import { isAbsolute, resolve } from 'node:path';
import { PayloadError } from './payload';

/**
 * What a grant allows: `open` reads the file, `save` replaces it (the open document's own path),
 * `reveal` shows it in the file manager, `folder` reads a folder the user picked.
 */
export type Grant = 'open' | 'save' | 'reveal' | 'folder';

export class PathGrants {
  private readonly granted = new Map<string, Set<Grant>>();

  /** Grants `kinds` on a path main produced (never on one the renderer sent). */
  grant(path: string, ...kinds: Grant[]): string {
    const key = resolve(path);
    const set = this.granted.get(key) ?? new Set<Grant>();
    for (const kind of kinds) set.add(kind);
    this.granted.set(key, set);
    return key;
  }

  /**
   * Compared as given, not normalised: `granted/link/../x` is another file than `granted/x` when
   * `link` is a symlink, so only the exact path main handed out (already absolute and normal) counts.
   */
  allows(path: string, kind: Grant): boolean {
    return isAbsolute(path) && resolve(path) === path && (this.granted.get(path)?.has(kind) ?? false);
  }

  /** The path itself when granted; otherwise a refusal that names no file system details. */
  require(path: string, kind: Grant): string {
    if (!this.allows(path, kind)) throw new PathRefused(kind);
    return path;
  }
}

/** A path the user never chose. A PayloadError, so the web transport answers 400. */
export class PathRefused extends PayloadError {
  constructor(kind: Grant) {
    super(`refused: Strata did not ${VERBS[kind]} this path for you`);
  }
}

const VERBS: Record<Grant, string> = {
  open: 'offer to open',
  save: 'open or save the document at',
  reveal: 'write',
  folder: 'offer the folder at',
};
