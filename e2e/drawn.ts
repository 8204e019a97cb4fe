/**
 * Reads what the canvas drew, as a user sees it: node boxes from the node elements and edge
 * routes from the path data of the drawn edges (near zoom or overview), in canvas coordinates.
 */
import { expect, type Page } from '@playwright/test';
import type { Box, DrawnEdge } from '../domain/routing';

export interface Drawn {
  readonly boxes: Map<string, Box>;
  readonly edges: DrawnEdge[];
}

/** Waits until every node is drawn and every edge along a finished route, then reads them. */
export async function readDrawn(page: Page, counts: { nodes: number; edges: number }): Promise<Drawn> {
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(counts.nodes);
  const edges = page.locator('.react-flow__edge-path[data-route], path.overview-edge');
  await expect(edges).toHaveCount(counts.edges);
  await expect(page.locator('.react-flow__edge-path[data-route="provisional"], path.overview-edge.provisional')).toHaveCount(0);
  const read = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-strata')].map((element) => {
      const matrix = new DOMMatrixReadOnly(getComputedStyle(element).transform);
      return { id: element.dataset.id!, x: matrix.m41, y: matrix.m42, width: element.offsetWidth, height: element.offsetHeight };
    });
    const paths = [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path[data-route], path.overview-edge')].map((path) => ({
      id: path.closest<SVGElement>('.react-flow__edge')?.dataset.id ?? path.dataset.id!,
      d: path.getAttribute('d')!,
    }));
    return { nodes, paths };
  });
  const ends = await page.evaluate(() => {
    const strata = (window as unknown as { strata: { getState(): { diagram: { edges: { id: string; source: string; target: string }[] } } } }).strata;
    return strata.getState().diagram.edges.map(({ id, source, target }) => ({ id, source, target }));
  });
  const byId = new Map(ends.map((edge) => [edge.id, edge]));
  return {
    boxes: new Map(read.nodes.map((node) => [node.id, { x: node.x, y: node.y, width: node.width, height: node.height }])),
    edges: read.paths.map((path) => ({ ...byId.get(path.id)!, points: cornersOf(path.d) })),
  };
}

/**
 * The corners of a drawn route: its start, each rounded corner's control point (where the two
 * runs would meet), and its end. Straight lines (L) between corners only shorten runs.
 */
export function cornersOf(d: string): { x: number; y: number }[] {
  const tokens = d.match(/[MLQ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const points: { x: number; y: number }[] = [];
  let last: { x: number; y: number } | undefined;
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i++];
    const read = () => ({ x: Number(tokens[i++]), y: Number(tokens[i++]) });
    if (command === 'M') points.push(read());
    else if (command === 'L') last = read();
    else if (command === 'Q') {
      points.push(read());
      read();
    } else throw new Error(`unexpected path command ${command} in ${d}`);
  }
  if (last) points.push(last);
  return points;
}
