/**
 * Unsaved work, kept in the user-data folder so that a crash loses at most a few seconds.
 * The recovery file is an ordinary diagram file plus where it came from; it is checked like
 * any other file when read back.
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../domain/json';
import { parseDiagram } from '../domain/parse';
import { serializeDiagram } from '../domain/serialize';
import type { DiagramFile, Recovery } from '../preload/api';
import { writeFileAtomic } from './files';

export class RecoveryStore {
  private readonly file: string;

  constructor(userDataFolder: string, private readonly now: () => number = Date.now) {
    this.file = join(userDataFolder, 'recovery.json');
  }

  async write(file: DiagramFile): Promise<void> {
    const record = { path: file.path, name: file.name, savedAt: this.now(), diagram: serializeDiagram(file.diagram) };
    await writeFileAtomic(this.file, JSON.stringify(record));
  }

  /** The recovered work, or null when there is none or it cannot be read. */
  async read(): Promise<Recovery | null> {
    let record: unknown;
    try {
      record = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return null;
    }
    if (!isRecord(record) || typeof record.diagram !== 'string' || typeof record.savedAt !== 'number') return null;
    const parsed = parseDiagram(record.diagram);
    if (!parsed.ok) return null;
    const path = typeof record.path === 'string' ? record.path : null;
    const name = typeof record.name === 'string' ? record.name : 'Recovered diagram';
    return { file: { path, name, diagram: parsed.diagram }, savedAt: record.savedAt };
  }

  async clear(): Promise<void> {
    await unlink(this.file).catch(() => undefined);
  }
}
