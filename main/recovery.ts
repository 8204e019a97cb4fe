/**
 * Unsaved work, kept in the user-data folder so that a crash loses at most a few seconds. Each
 * window (each browser tab) writes its own slot, `recovery/<slot>.json`, so saving or discarding
 * in one never touches another's. A slot file is an ordinary diagram plus where it came from; it
 * is checked like any other file when read back.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../domain/json';
import { parseDiagram } from '../domain/parse';
import { serializeDiagram } from '../domain/serialize';
import type { DiagramFile, Recovery } from '../preload/api';
import { writeFileAtomic } from './files';
import { checkSlot } from './payload';

const SUFFIX = '.json';

export class RecoveryStore {
  private readonly folder: string;

  constructor(userDataFolder: string, private readonly now: () => number = Date.now) {
    this.folder = join(userDataFolder, 'recovery');
  }

  async write(slot: string, file: DiagramFile): Promise<void> {
    const record = { path: file.path, name: file.name, savedAt: this.now(), diagram: serializeDiagram(file.diagram) };
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.pathOf(slot), JSON.stringify(record));
  }

  /** Every slot's work but for `except` (slots still in use), newest first; unreadable slots are skipped. */
  async list(except: readonly string[] = []): Promise<Recovery[]> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    const skip = new Set(except);
    const slots = entries.filter((entry) => entry.endsWith(SUFFIX)).map((entry) => entry.slice(0, -SUFFIX.length));
    const found = await Promise.all(slots.filter((slot) => !skip.has(slot)).map((slot) => this.read(slot)));
    return found.filter((recovery): recovery is Recovery => recovery !== null).sort((a, b) => b.savedAt - a.savedAt);
  }

  /** One slot's work, or null when there is none or it cannot be read. */
  async read(slot: string): Promise<Recovery | null> {
    let record: unknown;
    try {
      record = JSON.parse(await readFile(this.pathOf(slot), 'utf8'));
    } catch {
      return null;
    }
    if (!isRecord(record) || typeof record.diagram !== 'string' || typeof record.savedAt !== 'number') return null;
    const parsed = parseDiagram(record.diagram);
    if (!parsed.ok) return null;
    const path = typeof record.path === 'string' ? record.path : null;
    const name = typeof record.name === 'string' ? record.name : 'Recovered diagram';
    return { slot, file: { path, name, diagram: parsed.diagram }, savedAt: record.savedAt };
  }

  async clear(slot: string): Promise<void> {
    await unlink(this.pathOf(slot)).catch(() => undefined);
  }

  private pathOf(slot: string): string {
    // The slot becomes a file name: only a plain random id is accepted (never a path).
    return join(this.folder, `${checkSlot(slot)}${SUFFIX}`);
  }
}
