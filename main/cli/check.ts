/** `strata check DIR FILE.strata [--json]`: where the code in DIR and the diagram disagree. */
import { checkDrift, type DriftFinding } from '../../domain/import';
import { FolderProblem, importFolder } from '../import/import-folder';
import { UsageError, type Output } from './index';
import { readDiagramFile } from './read';

export async function checkCommand(args: readonly string[], out: Output, err: Output): Promise<number> {
  const json = args.includes('--json');
  const positional = args.filter((arg) => arg !== '--json');
  const unknown = positional.find((arg) => arg.startsWith('-'));
  if (unknown) throw new UsageError(`unknown option "${unknown}"`);
  if (positional.length !== 2) throw new UsageError('check takes a DIR and a FILE.strata');
  const [folder, file] = positional as [string, string];
  const read = await readDiagramFile(file);
  if ('problem' in read) {
    err.write(`strata: ${read.problem}\n`);
    return 2;
  }
  let result;
  try {
    result = await importFolder(folder);
  } catch (error) {
    if (!(error instanceof FolderProblem)) throw error;
    err.write(`strata: ${error.message}\n`);
    return 2;
  }
  const findings = checkDrift(read.diagram, result.code);
  if (json) out.write(`${JSON.stringify({ findings: findings.map(plainFinding), report: result.report }, null, 2)}\n`);
  else out.write(formatDrift(findings, result.report.skipped.filter((s) => s.kind === 'problem').length + result.report.syntaxErrors.length));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function plainFinding(finding: DriftFinding) {
  const { rule, severity, file, line, message, fix, nodes, edges } = finding;
  return { rule, severity, file: file ?? null, line: line ?? null, message, fix, nodes, edges };
}

export function formatDrift(findings: readonly DriftFinding[], unread: number): string {
  const note = unread > 0 ? ` (${unread} file${unread === 1 ? '' : 's'} could not be read fully: see --json or strata import)` : '';
  if (findings.length === 0) return `The code and the diagram agree.${note}\n`;
  const width = Math.max(...findings.map((f) => f.rule.length));
  const lines = findings.map((f) => {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}  ` : '';
    return `${f.severity.padEnd(7)} ${f.rule.padEnd(width)}  ${where}${f.message}`;
  });
  const tally = (s: DriftFinding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${lines.join('\n')}\n\n${tally('error')} errors, ${tally('warning')} warnings, ${tally('note')} notes${note}\n`;
}
