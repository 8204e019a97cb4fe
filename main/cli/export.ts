import { resolve } from 'node:path';
import { exportToFile } from '../export/export-project';
import { UsageError, type Output } from './index';
import { readDiagramFile } from './read';
import { formatText } from './validate';

interface ExportArgs {
  readonly file: string;
  readonly out: string;
  readonly force: boolean;
  readonly overwrite: boolean;
}

export function parseExportArgs(args: readonly string[]): ExportArgs {
  const rest = [...args];
  let out: string | undefined;
  const files: string[] = [];
  const flags = new Set<string>();
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '-o' || arg === '--output') out = rest.shift();
    else if (arg === '--force' || arg === '--overwrite') flags.add(arg);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError('export takes exactly one FILE');
  if (!out) throw new UsageError('export needs -o OUT.zip');
  return { file: files[0]!, out: resolve(out), force: flags.has('--force'), overwrite: flags.has('--overwrite') };
}

export async function exportCommand(args: readonly string[], out: Output, err: Output): Promise<number> {
  const options = parseExportArgs(args);
  const read = await readDiagramFile(options.file);
  if ('problem' in read) {
    err.write(`strata: ${read.problem}\n`);
    return 2;
  }
  if (!options.out.endsWith('.zip')) throw new UsageError('projects are exported only to .zip files');
  const result = await exportToFile({ diagram: read.diagram, options: {}, force: options.force }, options.out, options.overwrite);
  switch (result.status) {
    case 'exported':
      out.write(`Wrote ${result.path} (${result.files} files, ${result.bytes} bytes).\n`);
      return 0;
    case 'has-errors':
      err.write(`strata: the diagram has errors; fix them or pass --force to export anyway.\n\n${formatText(result.findings)}`);
      return 1;
    case 'exists':
      err.write(`strata: ${result.path} already exists; pass --overwrite to replace it.\n`);
      return 1;
    case 'failed':
      err.write(`strata: ${result.message}\n`);
      return 1;
    case 'canceled':
      return 1;
  }
}
