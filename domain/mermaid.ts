/**
 * The diagram as Mermaid flowchart text, for READMEs and wikis that render Mermaid.
 * Pure: the same diagram always gives the same text.
 */
import { KIND_INFO, LAYERS, notesOf, type Diagram, type DiagramNode, type DiagramNote, type Kind, type Layer } from './diagram';
import { plainLines } from './markdown';

/** Each kind's Mermaid shape, as the text before and after the label. */
const SHAPES: Readonly<Record<Kind, readonly [string, string]>> = {
  router: ['([', '])'],
  worker: ['[/', '/]'],
  scheduler: ['{{', '}}'],
  service: ['[', ']'],
  repository: ['[/', '\\]'],
  model: ['(', ')'],
  database: ['[(', ')]'],
  broker: ['[[', ']]'],
  cache: ['[\\', '/]'],
  external: ['((', '))'],
};

/** Layer colours, the app's light palette: fill, stroke. */
const LAYER_COLOURS: Readonly<Record<Layer, readonly [string, string]>> = {
  interface: ['#ecebfb', '#5b5bd6'],
  application: ['#e3f0fb', '#1c7ed6'],
  data: ['#e0f2f4', '#0c8599'],
  domain: ['#e4f2e7', '#2b8a3e'],
  infrastructure: ['#efe9f6', '#7048a8'],
};

/**
 * Mermaid text for a diagram: `flowchart TB`, one node per diagram node shaped by its kind and
 * labelled "name<br/>kind", `a --> b` where a depends on b (`a -->|"label"| b` for a labelled
 * arrow), a subgraph per feature, notes as cards and a `classDef` per layer in use; the title in
 * front matter. Edges whose ends are missing are left out.
 */
export function toMermaid(diagram: Diagram): string {
  const ids = mermaidIds(diagram.nodes);
  // The title goes in Mermaid's front matter, as a YAML string (JSON's quoting is valid YAML).
  const lines = diagram.title ? ['---', `title: ${JSON.stringify(diagram.title)}`, '---', 'flowchart TB'] : ['flowchart TB'];
  lines.push(...nodeLines(diagram.nodes, ids));
  for (const edge of diagram.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    const label = edge.label ? `|"${escapeLabel(edge.label)}"|` : '';
    if (source && target) lines.push(`  ${source} -->${label} ${target}`);
  }
  lines.push(...noteLines(notesOf(diagram)));
  lines.push(...classLines(diagram.nodes, ids));
  return `${lines.join('\n')}\n`;
}

/** Notes as unconnected cards of their own class (`t_` ids never meet the nodes' `n_` ids). */
function noteLines(notes: readonly DiagramNote[]): string[] {
  if (notes.length === 0) return [];
  const lines = notes.map((note, i) => `  t_${i + 1}["${plainLines(note.text).map(escapeLabel).join('<br/>') || ' '}"]`);
  lines.push('  classDef note fill:#fff3bf,stroke:#f2d46b,color:#3d3214');
  lines.push(`  class ${notes.map((_, i) => `t_${i + 1}`).join(',')} note`);
  return lines;
}

/** Nodes outside any feature first, then one subgraph per feature in order of first use. */
function nodeLines(nodes: readonly DiagramNode[], ids: ReadonlyMap<string, string>): string[] {
  const lines = nodes.filter((node) => !node.feature).map((node) => `  ${nodeText(node, ids)}`);
  const features = [...new Set(nodes.map((node) => node.feature).filter((feature): feature is string => !!feature))];
  features.forEach((feature, index) => {
    lines.push(`  subgraph feature_${index + 1}["${escapeLabel(feature)}"]`);
    for (const node of nodes.filter((n) => n.feature === feature)) lines.push(`    ${nodeText(node, ids)}`);
    lines.push('  end');
  });
  return lines;
}

function nodeText(node: DiagramNode, ids: ReadonlyMap<string, string>): string {
  const [open, close] = SHAPES[node.kind];
  return `${ids.get(node.id)}${open}"${escapeLabel(node.name)}<br/>${node.kind}"${close}`;
}

function classLines(nodes: readonly DiagramNode[], ids: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const layer of LAYERS) {
    const members = nodes.filter((node) => KIND_INFO[node.kind].layer === layer).map((node) => ids.get(node.id));
    if (members.length === 0) continue;
    const [fill, stroke] = LAYER_COLOURS[layer];
    lines.push(`  classDef ${layer} fill:${fill},stroke:${stroke},color:#1c2330`);
    lines.push(`  class ${members.join(',')} ${layer}`);
  }
  return lines;
}

/**
 * Ids Mermaid accepts whatever the file says: letters, digits and `_` only, prefixed so that a
 * keyword such as `end` can never be one, and made unique where two ids clean up alike.
 */
export function mermaidIds(nodes: readonly DiagramNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of nodes) {
    const base = `n_${node.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

/** Mermaid entity codes for what would end a quoted label or be read as HTML or Markdown. */
export function escapeLabel(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/["#&<>`]/g, (char) => `#${char.charCodeAt(0)};`);
}
