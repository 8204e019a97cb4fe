/**
 * Arrows that tell the truth, checked on what the page draws: no route runs through a node, no
 * two routes share a line or run closer than 6 px side by side, and every route starts on its
 * source's border and ends on its target's. On every example, on generated diagrams placed in
 * layer rows, and after Auto-layout.
 */
import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagram } from '../domain/diagram';
import { formatParseErrors, parseDiagram } from '../domain/parse';
import { routeFaults, type Box, type Point } from '../domain/routing';
import { layeredDiagram } from '../domain/testing/layered';
import { readDrawn, type Drawn } from './drawn';
import { diagramOf, openApp } from './fixtures';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');

async function show(page: Page, diagram: Diagram, name: string): Promise<void> {
  await page.evaluate(
    ({ diagram, name }) => {
      const strata = (window as unknown as { strata: { getState(): { load(file: unknown): void } } }).strata;
      strata.getState().load({ path: null, name, diagram });
      window.dispatchEvent(new Event('strata:zoom-to-fit'));
    },
    { diagram, name },
  );
}

function onBorder(point: Point, box: Box): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  const withinX = point.x >= box.x - 1 && point.x <= box.x + box.width + 1;
  const withinY = point.y >= box.y - 1 && point.y <= box.y + box.height + 1;
  return ((near(point.y, box.y) || near(point.y, box.y + box.height)) && withinX) || ((near(point.x, box.x) || near(point.x, box.x + box.width)) && withinY);
}

function expectTruthful(drawn: Drawn, label: string): void {
  const faults = routeFaults(drawn.boxes, drawn.edges).map((fault) => {
    const routes = fault.edges.map((id) => JSON.stringify(drawn.edges.find((edge) => edge.id === id)));
    return `${label}: ${fault.detail} (${routes.join(', ')}) boxes ${JSON.stringify([...drawn.boxes])}`;
  });
  expect(faults).toEqual([]);
  for (const edge of drawn.edges) {
    const [first, last] = [edge.points[0], edge.points[edge.points.length - 1]];
    expect(onBorder(first, drawn.boxes.get(edge.source)!), `${label}: ${edge.id} starts on ${edge.source}`).toBe(true);
    expect(onBorder(last, drawn.boxes.get(edge.target)!), `${label}: ${edge.id} ends on ${edge.target}`).toBe(true);
  }
}

function example(file: string): Diagram {
  const parsed = parseDiagram(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${formatParseErrors(parsed.errors)}`);
  return parsed.diagram;
}

test('every example is drawn with truthful arrows, as placed and after Auto-layout', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page);
  for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.strata'))) {
    const diagram = example(file);
    await show(page, diagram, file);
    expectTruthful(await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length }), file);
    await page.getByTestId('canvas').screenshot({ path: testInfo.outputPath(`${file}.png`) });
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.some((node, i) => node.position !== diagram.nodes[i].position)).toBe(true);
    expectTruthful(await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length }), `${file} after Auto-layout`);
    await page.getByTestId('canvas').screenshot({ path: testInfo.outputPath(`${file}.laid-out.png`) });
  }
});

test('generated diagrams in layer rows with jitter are drawn with truthful arrows', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  let shown = 0;
  await fc.assert(
    fc.asyncProperty(layeredDiagram(), async (diagram) => {
      await show(page, diagram, `generated ${shown++}`);
      expectTruthful(await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length }), `generated diagram ${JSON.stringify(diagram)}`);
    }),
    { numRuns: 50, seed: 9, endOnFailure: true },
  );
});
