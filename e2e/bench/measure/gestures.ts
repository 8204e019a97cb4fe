/**
 * Dragging a node and panning, with the mouse, through the browser's own input pipeline: one
 * move after another, each sent when the page has taken the last (as a real mouse's stream is
 * coalesced into frames). Counted are the frames in which the dragged node (or the view) was drawn
 * somewhere new, the main thread's time per such frame, and the longest task while it ran.
 */
import type { Page } from 'playwright-core';
import type { Diagram } from '../../../domain/diagram';
import { NODE_ID_PREFIX } from '../graph';
import type { BenchPage, Size } from '../pages';
import { traceMainThread } from '../trace';
import { centredAt100, fitAll, showViewport, type Viewport } from '../viewports';
import { quantile, type Figures, type Measurement } from './types';

interface Probe {
  __bench: {
    middleNode(prefix: string): { id: string; x: number; y: number } | undefined;
    emptyPoint(): { x: number; y: number } | undefined;
    startFrames(watch: string): void;
    stopFrames(): number[];
  };
}

const MOVES = 90;
const RADIUS = 120;

/** Presses at `from`, moves the mouse along a circle while recording frames, and lets go. */
async function gesture(bench: BenchPage, from: { x: number; y: number }, watch: string, name: string): Promise<Figures> {
  const { page, cdp } = bench;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate((what) => (window as unknown as Probe).__bench.startFrames(what), watch);
  const stop = await traceMainThread(cdp);
  for (let i = 1; i <= MOVES; i++) {
    const angle = (i / MOVES) * Math.PI * 2;
    await page.mouse.move(from.x + RADIUS * Math.sin(angle) + i, from.y + RADIUS * (1 - Math.cos(angle)));
  }
  const main = await stop();
  const intervals = await page.evaluate(() => (window as unknown as Probe).__bench.stopFrames());
  await page.mouse.up();
  await settle(page);
  if (intervals.length < MOVES / 4) throw new Error(`${name}: only ${intervals.length + 1} frames moved in ${MOVES} mouse moves`);
  return {
    [`${name}P50`]: quantile(intervals, 0.5),
    [`${name}P95`]: quantile(intervals, 0.95),
    [`${name}MainMs`]: main.busyMs / (intervals.length + 1),
    [`${name}CpuMs`]: main.cpuMs / (intervals.length + 1),
    [`${name}LongestMs`]: main.longestMs,
  };
}

/** Two frames, so that what a gesture's end set off is drawn before the next measurement. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function middleNode(page: Page) {
  const node = await page.evaluate((prefix) => (window as unknown as Probe).__bench.middleNode(prefix), NODE_ID_PREFIX);
  if (!node) throw new Error('no node of the diagram can be grabbed near the middle of the canvas');
  return node;
}

export async function dragMiddleNode(bench: BenchPage, name: string): Promise<Figures> {
  const node = await middleNode(bench.page);
  return gesture(bench, node, node.id, name);
}

async function pan(bench: BenchPage): Promise<Figures> {
  const point = await bench.page.evaluate(() => (window as unknown as Probe).__bench.emptyPoint());
  if (!point) throw new Error('no empty spot of canvas to pan from');
  return gesture(bench, point, 'viewport', 'pan');
}

/** How many of the diagram's nodes lie (at least partly) inside the viewport. */
export function nodesInView(diagram: Diagram, viewport: Viewport, canvas: Size): number {
  const left = -viewport.x / viewport.zoom;
  const top = -viewport.y / viewport.zoom;
  const right = left + canvas.width / viewport.zoom;
  const bottom = top + canvas.height / viewport.zoom;
  return diagram.nodes.filter((n) => n.position.x < right && n.position.x + 180 > left && n.position.y < bottom && n.position.y + 52 > top)
    .length;
}

/** At 100 % zoom in the middle of the diagram, where the user works. */
export const dragAndPan: Measurement = {
  name: 'drag and pan at 100 %',
  async run(bench) {
    const viewport = centredAt100(bench.diagram, bench.canvas);
    await showViewport(bench.page, viewport);
    const inView = nodesInView(bench.diagram, viewport, bench.canvas);
    return { inView, ...(await dragMiddleNode(bench, 'drag')), ...(await pan(bench)) };
  },
  rows: (size) => {
    const n = size.toLocaleString('en');
    const fast = size === 3_000 ? '≥ 55 fps' : size === 10_000 ? '≥ 30 fps' : '—';
    return [
      { metric: `drag at 100 %, ${n} nodes: frame interval p50`, goal: fast, key: 'dragP50', unit: 'fps' },
      { metric: `drag at 100 %, ${n} nodes: frame interval p95`, goal: size === 3_000 ? '≥ 30 fps' : '—', key: 'dragP95', unit: 'fps' },
      { metric: `drag at 100 %, ${n} nodes: main thread per frame`, goal: '—', key: 'dragMainMs', unit: 'ms' },
      { metric: `drag at 100 %, ${n} nodes: main-thread CPU per frame`, goal: '—', key: 'dragCpuMs', unit: 'ms' },
      { metric: `drag at 100 %, ${n} nodes: longest task`, goal: '—', key: 'dragLongestMs', unit: 'ms' },
      { metric: `pan at 100 %, ${n} nodes: frame interval p50`, goal: size === 10_000 ? '≥ 30 fps' : '—', key: 'panP50', unit: 'fps' },
      { metric: `pan at 100 %, ${n} nodes: frame interval p95`, goal: '—', key: 'panP95', unit: 'fps' },
      { metric: `pan at 100 %, ${n} nodes: main thread per frame`, goal: '—', key: 'panMainMs', unit: 'ms' },
      { metric: `pan at 100 %, ${n} nodes: main-thread CPU per frame`, goal: '—', key: 'panCpuMs', unit: 'ms' },
    ];
  },
};

/** One fit-all viewport, computed once and shown on both pages (the baseline's minZoom is lowered to reach it). */
export const dragAllInView: Measurement = {
  name: 'drag with all in view',
  sizes: [1_000],
  async run(bench) {
    await showViewport(bench.page, fitAll(bench.diagram, bench.canvas));
    return dragMiddleNode(bench, 'dragAll');
  },
  rows: (size) => {
    const n = size.toLocaleString('en');
    return [
      { metric: `drag, all ${n} nodes in view: main thread per frame`, goal: '≤ 16.7 ms', key: 'dragAllMainMs', unit: 'ms' },
      { metric: `drag, all ${n} nodes in view: main-thread CPU per frame`, goal: '—', key: 'dragAllCpuMs', unit: 'ms' },
      { metric: `drag, all ${n} nodes in view: frame interval p50`, goal: '—', key: 'dragAllP50', unit: 'fps' },
    ];
  },
};
