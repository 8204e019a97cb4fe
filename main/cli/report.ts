/** The import report as the command line prints it: counts first, then what was left out and why. */
import type { Project } from '../../domain/diagram';
import type { ImportReport } from '../../domain/import';

export function formatImportReport(report: ImportReport, project: Project, written?: string): string {
  const lines: string[] = [];
  const where = written ? ` into ${written}` : '';
  lines.push(`Read ${count(report.modules, 'module')}: ${count(report.components, 'component')}, ${count(report.edges, 'dependency', 'dependencies')}${where} (${project.framework}, tasks: ${project.tasks}, ${project.layout} layout).`);
  const problems = report.skipped.filter((s) => s.kind === 'problem');
  if (problems.length > 0) {
    lines.push('', 'Not read:');
    for (const skipped of problems) lines.push(`  ${skipped.path}: ${skipped.reason}`);
  }
  if (report.syntaxErrors.length > 0) {
    lines.push('', 'Syntax errors (the broken part was skipped; imports elsewhere in the file were read):');
    for (const error of report.syntaxErrors) {
      const lost = error.importsSkipped > 0 ? `, ${count(error.importsSkipped, 'import statement')} inside it not read` : '';
      lines.push(`  ${error.path}:${error.line}:${error.column}: the parser could not read the code here${lost}`);
    }
  }
  const policy = report.skipped.filter((s) => s.kind === 'policy');
  if (policy.length > 0) {
    lines.push('', 'Left out on purpose:');
    for (const skipped of policy) lines.push(`  ${skipped.path}: ${skipped.reason}`);
  }
  if (report.notComponents.length > 0) {
    lines.push('', 'Modules that are no component:');
    for (const module of report.notComponents) lines.push(`  ${module.module} (${module.path}): ${module.reason}`);
  }
  if (report.droppedImports.length > 0) {
    lines.push('', 'Imports that draw no edge, because one end is no component:');
    for (const dropped of report.droppedImports) lines.push(`  ${dropped.path}:${dropped.line}: ${dropped.from} imports ${dropped.to}`);
  }
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
