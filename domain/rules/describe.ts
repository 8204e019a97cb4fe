/** How findings name components: kind and name, as the user typed it. */
import type { DiagramNode, Kind } from '../diagram';

const NOUNS: Readonly<Record<Kind, string>> = {
  router: 'router',
  worker: 'worker',
  scheduler: 'scheduler',
  service: 'service',
  repository: 'repository',
  model: 'model',
  database: 'database',
  broker: 'broker',
  cache: 'cache',
  external: 'external API',
};

/** The lower-case noun for a kind: `external API` for `external`. */
export function noun(kind: Kind): string {
  return NOUNS[kind] ?? String(kind);
}

/** `repository "order_repository"`. */
export function describe(node: DiagramNode): string {
  return `${noun(node.kind)} "${node.name}"`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** `a broker`, `an external API`. */
export function article(kind: Kind): string {
  const word = noun(kind);
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
