import { validate, type Finding } from '../../domain/rules';
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
  out.write(json ? formatJson(findings) : formatText(findings));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export function formatJson(findings: readonly Finding[]): string {
  const plain = findings.map(({ rule, severity, nodes, edges, message, fix }) => ({ rule, severity, nodes, edges, message, fix }));
  return `${JSON.stringify({ findings: plain }, null, 2)}\n`;
}

export function formatText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No problems found.\n';
  const width = Math.max(...findings.map((f) => f.rule.length));
  const lines = findings.map((f) => `${f.severity.padEnd(7)} ${f.rule.padEnd(width)}  ${f.message}\n${' '.repeat(width + 10)}fix: ${f.fix}`);
  return `${lines.join('\n')}\n\n${summary(findings)}\n`;
}

function summary(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
