/** `strata import DIR [-o FILE.strata] [--overwrite] [--json]`: a diagram of the project in DIR. */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportReport } from '../../domain/import';
import { validate } from '../../domain/rules';
import { serializeDiagram } from '../../domain/serialize';
import { describeFileError, writeFileAtomic } from '../files';
import { FolderProblem, importFolder } from '../import/import-folder';
import { UsageError, type Output } from './index';
import { formatImportReport } from './report';

interface ImportArgs {
  readonly folder: string;
  readonly out?: string;
  readonly overwrite: boolean;
  readonly json: boolean;
}

function parseImportArgs(args: readonly string[]): ImportArgs {
  const rest = [...args];
  const folders: string[] = [];
  let out: string | undefined;
  const flags = new Set<string>();
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '-o' || arg === '--output') {
      out = rest.shift();
      if (!out) throw new UsageError(`${arg} needs a FILE.strata`);
    } else if (arg === '--overwrite' || arg === '--json') flags.add(arg);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else folders.push(arg);
  }
  if (folders.length !== 1) throw new UsageError('import takes exactly one DIR');
  return { folder: folders[0]!, ...(out ? { out: resolve(out) } : {}), overwrite: flags.has('--overwrite'), json: flags.has('--json') };
}

export async function importCommand(args: readonly string[], out: Output, err: Output): Promise<number> {
  const options = parseImportArgs(args);
  if (options.out && !options.overwrite && (await exists(options.out))) {
    err.write(`strata: ${options.out} already exists; pass --overwrite to replace it.\n`);
    return 1;
  }
  let result;
  try {
    result = await importFolder(options.folder);
  } catch (error) {
    if (!(error instanceof FolderProblem)) throw error;
    err.write(`strata: ${error.message}\n`);
    return 2;
  }
  const text = serializeDiagram(result.diagram);
  if (options.out) {
    try {
      await writeFileAtomic(options.out, text);
    } catch (error) {
      err.write(`strata: ${describeFileError(error, options.out)}\n`);
      return 2;
    }
  }
  const errors = validate(result.diagram).filter((f) => f.severity === 'error');
  if (options.json) {
    out.write(`${JSON.stringify({ ...(options.out ? { written: options.out } : { diagram: JSON.parse(text) as unknown }), report: plainReport(result.report), errors: errors.map(({ rule, message }) => ({ rule, message })) }, null, 2)}\n`);
  } else {
    if (!options.out) out.write(text);
    err.write(formatImportReport(result.report, result.diagram.project, options.out));
    for (const finding of errors) err.write(`error   ${finding.rule}  ${finding.message}\n`);
  }
  return errors.length > 0 ? 1 : 0;
}

export function plainReport(report: ImportReport) {
  return report;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
