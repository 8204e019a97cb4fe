/** An independent zip reader for tests (yauzl), so that our own writer is never its own judge. */
import yauzl from 'yauzl';

export interface ZipEntry {
  readonly name: string;
  readonly text: string;
  /** Unix permission bits, from the entry's external attributes. */
  readonly mode: number;
}

export function readZip(path: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, text: Buffer.concat(chunks).toString('utf8'), mode: (entry.externalFileAttributes >>> 16) & 0o777 });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Problems a zip must not have: entries outside one root folder, absolute paths, duplicates. */
export function zipProblems(entries: readonly Pick<ZipEntry, 'name'>[], root: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) problems.push(`absolute or Windows path: ${name}`);
    if (name.split('/').some((part) => part === '..' || part === '.')) problems.push(`dot segment: ${name}`);
    if (!name.startsWith(`${root}/`)) problems.push(`outside ${root}/: ${name}`);
    if (seen.has(name.toLowerCase())) problems.push(`duplicate (ignoring case): ${name}`);
    seen.add(name.toLowerCase());
  }
  return problems;
}
