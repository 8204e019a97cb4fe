/** The architecture as a Mermaid graph (for the README) and .env.example. */
import type { Plan } from '../plan/plan';
import type { FrameworkWriter } from '../writer';
import { parseMarkdown, type Block, type Line } from '../../markdown';
import { markdownText } from './escape';
import { settingsFields } from './settings';

export function mermaid(plan: Plan): string {
  const id = (n: { kind: string; snake: string }): string => `${n.kind}_${n.snake.replace(/_+$/, '')}`;
  const label = (text: string): string => text.replace(/["<>[\]{}()|`]/g, ' ').replace(/\s+/g, ' ').trim() || '?';
  const nodes = new Map<string, string>();
  const shapes: Record<string, [string, string]> = { database: ['[(', ')]'], broker: ['[/', '/]'], cache: ['[(', ')]'], external: ['{{', '}}'] };
  const all = [...plan.routers, ...plan.workers, ...plan.schedulers, ...plan.services, ...plan.repositories, ...plan.models, ...plan.databases, ...plan.brokers, ...plan.caches, ...plan.externals];
  for (const n of all) {
    const [open, close] = shapes[n.kind] ?? ['[', ']'];
    nodes.set(id(n), `    ${id(n)}${open}"${label(n.label)} (${n.kind})"${close}`);
  }
  const edges = plan.edges.map((e) => `    ${id(e.source)} -->${e.label ? `|"${label(e.label)}"|` : ''} ${id(e.target)}`);
  return ['```mermaid', 'graph TD', ...nodes.values(), ...edges, '```'].join('\n');
}

export function envExample(plan: Plan, writer: FrameworkWriter): string {
  const own = writer.environment?.(plan);
  if (own) {
    const lines = ['# Copy to .env and fill in. Placeholders only: never commit real secrets.'];
    for (const e of own) {
      if (e.group) lines.push('', ...e.group.split('\n').map((line) => (line.startsWith('#') ? line : `# ${line}`)));
      lines.push(`${e.name}=${e.example}`);
    }
    if (plan.database.engine === 'postgres') lines.push('', '# docker compose only', 'POSTGRES_PASSWORD=change-me');
    if (plan.database.engine === 'mysql') lines.push('', '# docker compose only', 'MARIADB_PASSWORD=change-me', 'MARIADB_ROOT_PASSWORD=change-me-too');
    if (plan.broker?.engine === 'rabbitmq') lines.push('RABBITMQ_PASSWORD=change-me');
    return `${lines.join('\n')}\n`;
  }
  const lines = ['# Copy to .env and fill in. Placeholders only: never commit real secrets.'];
  for (const f of settingsFields(plan, writer.databaseSchemes)) lines.push(`${f.name.toUpperCase()}=${f.example}`);
  if (plan.database.engine === 'postgres') lines.push('', '# docker compose', 'POSTGRES_PASSWORD=change-me');
  if (plan.database.engine === 'mysql') lines.push('', '# docker compose', 'MARIADB_PASSWORD=change-me', 'MARIADB_ROOT_PASSWORD=change-me-too');
  if (plan.broker?.engine === 'rabbitmq') lines.push('RABBITMQ_PASSWORD=change-me');
  return `${lines.join('\n')}\n`;
}

/**
 * The diagram's notes for the README's architecture section, in the same light Markdown (bold,
 * lists, web links) rebuilt from what was parsed, so a note can add no heading, HTML or other
 * structure to the README.
 */
export function notesMarkdown(notes: readonly string[]): string {
  return notes.map((text) => parseMarkdown(text).map(blockMarkdown).join('\n\n')).join('\n\n---\n\n');
}

function blockMarkdown(block: Block): string {
  if (block.type === 'list') return block.items.map((item) => `- ${lineMarkdown(item)}`).join('\n');
  return block.lines.map(lineMarkdown).join('  \n');
}

function lineMarkdown(line: Line): string {
  return line
    .map((span) => {
      const text = markdownText(span.text);
      if (span.href) return `[${text}](<${span.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return span.bold ? `**${text}**` : text;
    })
    .join('');
}
