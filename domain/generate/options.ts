/** What can be chosen at export time, and how `layout: "auto"` decides. */
import type { Diagram, Framework, Kind, Layout, TaskFramework } from '../diagram';

export interface GenerateOptions {
  readonly framework: Framework;
  readonly tasks: TaskFramework;
  readonly layout: Layout;
}

export type ConcreteLayout = Exclude<Layout, 'auto'>;

export interface LayoutChoice {
  readonly layout: ConcreteLayout;
  /** One or two sentences the UI can show to explain the choice. */
  readonly reason: string;
}

/**
 * Lines of code a component of each kind tends to grow to in a real project. Only the ratios
 * matter: they place a diagram on the guide's size table.
 */
const LINES_PER_KIND: Readonly<Record<Kind, number>> = {
  router: 250,
  worker: 150,
  scheduler: 60,
  service: 400,
  repository: 150,
  model: 80,
  database: 20,
  broker: 10,
  cache: 30,
  external: 120,
};

/** Below this estimate the guide suggests a flat package. */
export const FLAT_BELOW = 2_000;
/** From here on the guide suggests a layered src/ layout. */
export const LAYERED_FROM = 5_000;

export function estimateLines(diagram: Diagram): number {
  return diagram.nodes.reduce((sum, node) => sum + LINES_PER_KIND[node.kind], 0);
}

export function featuresOf(diagram: Diagram): string[] {
  const features = new Set<string>();
  for (const node of diagram.nodes) if (node.feature) features.add(node.feature);
  return [...features].sort();
}

/**
 * The layout for `auto`: features the user drew come first — grouping components into a feature
 * says how the code should be split, whatever its size. Without features, the guide's size table
 * decides: a flat package under about 2,000 lines, otherwise a layered layout.
 */
export function resolveLayout(diagram: Diagram, layout: Layout = diagram.project.layout): LayoutChoice {
  if (layout !== 'auto') return { layout, reason: `The project asks for the ${layout} layout.` };
  const lines = estimateLines(diagram);
  const features = featuresOf(diagram);
  const size = `${diagram.nodes.length} components, roughly ${lines.toLocaleString('en-US')} lines when grown`;
  if (features.length > 0) {
    const named = features.length === 1 ? `the feature ${features[0]}` : `${features.length} features (${listed(features)})`;
    return { layout: 'feature', reason: `Feature packages: the diagram groups components into ${named}, so the code is split the same way (${size}).` };
  }
  if (lines < FLAT_BELOW) {
    return { layout: 'flat', reason: `Flat package: ${size}, under the guide's ${FLAT_BELOW.toLocaleString('en-US')}-line mark for a small project, and no features drawn.` };
  }
  if (lines < LAYERED_FROM) {
    return { layout: 'layered', reason: `Layered: ${size}, and no features drawn to split packages by, so layers organise the code.` };
  }
  return { layout: 'layered', reason: `Layered: ${size}, the guide's size for a service with api/, services/, repositories/ and models/.` };
}

/** `a, b and c`; long lists are cut short. */
function listed(names: readonly string[]): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
