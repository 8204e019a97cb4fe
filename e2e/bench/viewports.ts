/**
 * Where the benchmark looks, computed once from the diagram and the canvas size and given to both
 * pages: 100 % zoom centred on the diagram (where a user works), or one fit-all viewport.
 */
import type { Page } from 'playwright-core';
import type { Diagram } from '../../domain/diagram';
import type { Size } from './pages';

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Strata's node size; the baseline draws its default nodes at the same positions. */
const NODE = { width: 180, height: 52 };
/** Room Strata's own fit-view leaves around the diagram for its search box and mini map. */
const FIT_MARGIN = { top: 64, right: 48, bottom: 136, left: 48 };
/** Strata's smallest zoom: a fit-all viewport below it could not be shown by Strata. */
const MIN_ZOOM = 0.1;

function boundsOf(diagram: Diagram) {
  const xs = diagram.nodes.map((node) => node.position.x);
  const ys = diagram.nodes.map((node) => node.position.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) + NODE.width - left, height: Math.max(...ys) + NODE.height - top };
}

/** 100 % zoom with the middle of the diagram in the middle of the canvas. */
export function centredAt100(diagram: Diagram, canvas: Size): Viewport {
  const bounds = boundsOf(diagram);
  return {
    x: Math.round(canvas.width / 2 - (bounds.left + bounds.width / 2)),
    y: Math.round(canvas.height / 2 - (bounds.top + bounds.height / 2)),
    zoom: 1,
  };
}

/** The whole diagram in view, as Strata's fit-view frames it. */
export function fitAll(diagram: Diagram, canvas: Size): Viewport {
  const bounds = boundsOf(diagram);
  const room = { width: canvas.width - FIT_MARGIN.left - FIT_MARGIN.right, height: canvas.height - FIT_MARGIN.top - FIT_MARGIN.bottom };
  const zoom = Math.min(room.width / bounds.width, room.height / bounds.height, 1);
  if (zoom < MIN_ZOOM) throw new Error(`the diagram needs zoom ${zoom.toFixed(3)} to fit, below Strata's ${MIN_ZOOM}`);
  return {
    x: FIT_MARGIN.left + room.width / 2 - (bounds.left + bounds.width / 2) * zoom,
    y: FIT_MARGIN.top + room.height / 2 - (bounds.top + bounds.height / 2) * zoom,
    zoom,
  };
}

interface Hooks {
  strata?: { setViewport(viewport: Viewport): void };
  baseline?: { setViewport(viewport: Viewport): void };
  __bench: { viewport(): Viewport };
}

/** Moves the page's view and waits until the canvas shows it. */
export async function showViewport(page: Page, viewport: Viewport): Promise<void> {
  await page.evaluate((wanted) => {
    const hooks = window as unknown as Hooks;
    (hooks.strata ?? hooks.baseline)!.setViewport(wanted);
  }, viewport);
  await page.waitForFunction(
    (wanted) => {
      const now = (window as unknown as Hooks).__bench.viewport();
      return Math.abs(now.x - wanted.x) < 0.5 && Math.abs(now.y - wanted.y) < 0.5 && Math.abs(now.zoom - wanted.zoom) < 1e-3;
    },
    viewport,
    { polling: 'raf' },
  );
}
