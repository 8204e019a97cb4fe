import { reservedNotes, validate, type Finding, type Note } from '../../domain/rules';
import { UsageError, type Output } from './index';
import { readDiagramFile } from './read';

export async function validateCommand(args: readonly string[], out: Output, err: Output): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  const unknown = files.find((arg) => arg.startsWith('-'));
  if (unknown) throw new UsageError(`unknown option "${unknown}"`);
  if (files.length !== 1) throw new UsageError('validate takes exactly one FILE');
  const read = await readDiagramFile(files[0]!);
  if ('problem' in read) {
    err.write(`strata: ${read.problem}\n`);
    return 2;
  }
  const findings = validate(read.diagram);
  const notes = reservedNotes(read.diagram);
  out.write(json ? formatJson(findings, notes) : formatText(findings, notes));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** `{"findings": […]}` as diagram-format.md gives it; notes, where there are any, under `"notes"` beside it. */
export function formatJson(findings: readonly Finding[], notes: readonly Note[] = []): string {
  const plain = (f: Finding | Note) => ({ rule: f.rule, severity: f.severity, nodes: f.nodes, edges: f.edges, message: f.message, fix: f.fix });
  const body = notes.length > 0 ? { findings: findings.map(plain), notes: notes.map(plain) } : { findings: findings.map(plain) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function formatText(findings: readonly Finding[], notes: readonly Note[] = []): string {
  const all = [...findings, ...notes];
  if (all.length === 0) return 'No problems found.\n';
  const width = Math.max(...all.map((f) => f.rule.length));
  const lines = all.map((f) => `${f.severity.padEnd(7)} ${f.rule.padEnd(width)}  ${f.message}\n${' '.repeat(width + 10)}fix: ${f.fix}`);
  return `${lines.join('\n')}\n\n${summary(findings, notes.length)}\n`;
}

function summary(findings: readonly Finding[], notes: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}${notes > 0 ? `, ${count(notes, 'note')}` : ''}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
