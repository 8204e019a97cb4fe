/** The Open Recent list, kept in the user-data folder across restarts. */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './files';

const MAX_RECENT = 10;

export class RecentFiles {
  private readonly file: string;

  constructor(userDataFolder: string) {
    this.file = join(userDataFolder, 'recent.json');
  }

  async list(): Promise<string[]> {
    try {
      const value: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  async add(path: string): Promise<void> {
    const paths = [path, ...(await this.list()).filter((p) => p !== path)].slice(0, MAX_RECENT);
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify(paths, null, 2)}\n`);
  }
}
