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
import { cornersOf, readDrawn, type Drawn } from './drawn';
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
  test.setTimeout(300_000);
  await openApp(page);
  for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.strata'))) {
    const diagram = example(file);
    await show(page, diagram, file);
    expectTruthful(await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length }), file);
    await page.getByTestId('canvas').screenshot({ path: testInfo.outputPath(`${file}.png`) });
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.some((node, i) => node.position !== diagram.nodes[i].position)).toBe(true);
    // Auto-layout applies positions and the routes computed with them together: read once they are drawn.
    await expect(async () => expectTruthful(await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length }), `${file} after Auto-layout`)).toPass({ timeout: 30_000 });
    await page.getByTestId('canvas').screenshot({ path: testInfo.outputPath(`${file}.laid-out.png`) });
  }
});

/** What one frame showed: node boxes and every drawn edge's path, as the page had them when the frame began. */
interface Frame {
  readonly nodes: { id: string; x: number; y: number; width: number; height: number }[];
  readonly paths: { id: string; d: string }[];
}

/** Starts keeping what every frame shows, until `stopFrames`. */
async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record = window as unknown as { frames: Frame[]; recording: boolean };
    record.frames = [];
    record.recording = true;
    const sample = () => {
      if (!record.recording) return;
      // The next frame is asked for first: a frame that cannot be read must not end the recording.
      requestAnimationFrame(sample);
      const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-strata')].map((element) => {
        const matrix = new DOMMatrixReadOnly(getComputedStyle(element).transform);
        return { id: element.dataset.id!, x: matrix.m41, y: matrix.m42, width: element.offsetWidth, height: element.offsetHeight };
      });
      const paths = [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path[data-route], path.overview-edge')].map((path) => ({
        id: path.closest<SVGElement>('.react-flow__edge')?.dataset.id ?? path.dataset.id!,
        d: path.getAttribute('d')!,
      }));
      record.frames.push({ nodes, paths });
    };
    requestAnimationFrame(sample);
  });
}

async function stopFrames(page: Page): Promise<Frame[]> {
  return page.evaluate(() => {
    const record = window as unknown as { frames: Frame[]; recording: boolean };
    record.recording = false;
    return record.frames;
  });
}

test('no frame during Auto-layout shows an arrow through a node: positions and routes arrive together', async ({ page }) => {
  await openApp(page);
  for (const file of ['blog.strata', 'newsroom.strata']) {
    const diagram = example(file);
    await show(page, diagram, file);
    await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length });
    await recordFrames(page);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.some((node, i) => node.position !== diagram.nodes[i].position)).toBe(true);
    await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length });
    // A few frames more, past the fit to view.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
    const frames = await stopFrames(page);
    const ends = new Map(diagram.edges.map((edge) => [edge.id, edge]));
    // Frames that show the new layout: at least the one in which it arrived must have been seen.
    const laidOut = new Map((await diagramOf(page)).nodes.map((node) => [node.id, node.position]));
    const moved = frames.filter((frame) => frame.nodes.every((node) => node.x === laidOut.get(node.id)?.x && node.y === laidOut.get(node.id)?.y));
    expect(moved.length, `${file}: frames after the move were seen`).toBeGreaterThan(0);
    for (const [i, frame] of frames.entries()) {
      const boxes = new Map(frame.nodes.map((node) => [node.id, { x: node.x, y: node.y, width: node.width, height: node.height }]));
      const edges = frame.paths.map((path) => ({ ...ends.get(path.id)!, points: cornersOf(path.d) }));
      const through = routeFaults(boxes, edges).filter((fault) => fault.kind === 'through-node');
      expect(through.map((fault) => fault.detail), `${file}, frame ${i} of ${frames.length}`).toEqual([]);
    }
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

test('an arrow whose target is drawn above its source goes around the side, in the error style, with its badge on it', async ({ page }, testInfo) => {
  await openApp(page);
  const blog = example('blog.strata');
  const named = (name: string) => blog.nodes.find((node) => node.name === name)!;
  // The database moved above the repository: an allowed dependency, drawn upwards.
  const [repository, database] = [named('post repository'), named('local')];
  const moved = { ...blog, nodes: blog.nodes.map((node) => (node.id === database.id ? { ...node, position: { x: repository.position.x + 700, y: repository.position.y - 300 } } : node)) };
  await show(page, moved, 'wrong way');
  const drawn = await readDrawn(page, { nodes: moved.nodes.length, edges: moved.edges.length });
  expectTruthful(drawn, 'wrong way');
  const upward = moved.edges.find((edge) => edge.source === repository.id && edge.target === database.id)!;
  const edge = page.locator(`.react-flow__edge[data-id="${upward.id}"]`);
  await expect(edge.locator('path[data-wrong-way]')).toHaveCount(1);
  await expect(page.locator('path[data-wrong-way]')).toHaveCount(1);
  const stroke = await edge.locator('path[data-wrong-way]').evaluate((path) => getComputedStyle(path).stroke);
  const error = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--error').trim());
  expect(stroke).toBe(await page.evaluate((colour) => {
    const probe = document.createElement('div');
    probe.style.color = colour;
    document.body.append(probe);
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved;
  }, error));
  const route = drawn.edges.find((drawnEdge) => drawnEdge.id === upward.id)!.points;
  const [from, to] = [drawn.boxes.get(repository.id)!, drawn.boxes.get(database.id)!];
  // Out of a side of the repository and into a side of the database, not up through what lies between.
  expect([from.x, from.x + from.width].some((x) => Math.abs(route[0].x - x) <= 1)).toBe(true);
  expect([to.x, to.x + to.width].some((x) => Math.abs(route[route.length - 1].x - x) <= 1)).toBe(true);
  // Its badge sits on its own route.
  const badge = await page.locator('.edge-badge').filter({ has: page.getByTestId('finding-badge') }).boundingBox();
  expect(badge).not.toBeNull();
  await page.getByTestId('canvas').screenshot({ path: testInfo.outputPath('wrong-way.png') });
  // The badge and the route are read in one frame, once the view has settled (the fit animates).
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const path = document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${id}"] path[data-wrong-way]`)!;
        const badgeBox = [...document.querySelectorAll('.edge-badge')].find((b) => b.querySelector('[data-testid="finding-badge"]'))!.getBoundingClientRect();
        const [x, y] = [badgeBox.x + badgeBox.width / 2, badgeBox.y + badgeBox.height / 2];
        const matrix = path.getScreenCTM()!;
        const length = path.getTotalLength();
        let nearest = Infinity;
        for (let at = 0; at <= length; at += 2) {
          const point = path.getPointAtLength(at).matrixTransform(matrix);
          nearest = Math.min(nearest, Math.hypot(point.x - x, point.y - y));
        }
        return nearest;
      }, upward.id),
    )
    .toBeLessThan(3);
  // Zoomed out to an overview, where edges are drawn as one layer, it is still drawn as an error.
  const canvas = page.getByTestId('canvas');
  while (!(await canvas.getAttribute('class'))!.includes('zoom-overview')) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(page.locator(`.overview-edges path.overview-edge.error[data-id="${upward.id}"]`)).toHaveCount(1);
  await expect(page.locator('.overview-edges path.overview-edge.error')).toHaveCount(1);
});
