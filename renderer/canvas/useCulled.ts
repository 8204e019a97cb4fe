/**
 * The Diagram's nodes and edges near the viewport, for React Flow (see culling.ts). Canvas
 * re-renders when the diagram or the selection changes, or when the view leaves its window; a
 * pan inside the window costs no render at all.
 *
 * What comes into the window all at once (a file opened, a jump across the diagram, a zoom out)
 * is handed over a few hundred items a frame, so that drawing it is many short tasks, not one
 * long one that freezes the window: the view fills in over a few frames instead.
 */
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagram, DiagramEdge, DiagramNode } from '../../domain/diagram';
import { admit, afterMove, cull, cullWindow, DiagramIndex, portion, windowStep, type Box, type Culled } from './culling';
import { measuredSize } from './derive';

/** One index for the one canvas, kept in step with the store's diagram. */
export const diagramIndex = new DiagramIndex(measuredSize);

/**
 * New nodes and edges handed to React Flow per frame: each costs it a component and some DOM.
 * A zoom out to a whole 3,000-node diagram (a fit after Auto-layout) takes 20 frames of these.
 */
const PER_FRAME = { nodes: 150, edges: 300 } as const;

/**
 * The window and its grid step as a string, so React Flow's store updates re-render nothing while
 * it stays the same.
 */
function windowKey(state: ReactFlowState): string {
  const box = cullWindow(state.transform, state.width, state.height);
  return `${box.minX} ${box.minY} ${box.maxX} ${box.maxY} ${windowStep(state.transform[2], state.width, state.height)}`;
}

function boxOf(key: string): Box {
  const [minX, minY, maxX, maxY] = key.split(' ').map(Number);
  return { minX, minY, maxX, maxY };
}

function stepOf(key: string): number {
  return Number(key.split(' ')[4]);
}

/**
 * What React Flow may have drawn of `shown`, for a hand-over after a zoom out to start from. React
 * Flow holds the whole window but draws only what is in view (onlyRenderVisibleElements): zoomed
 * out, all it held came into view at once, and drawing that was one long task (440 nodes at
 * once, zooming out a 3,000-node diagram). Nodes outside the old view (the old window less its
 * margin of half a step), and not at the end of an edge drawn across it, are handed over again, a
 * portion a frame; the rest stay, so nothing on screen blinks.
 */
function drawnBefore(shown: Shown, key: string, always: ReadonlySet<string>, overview: boolean): Shown {
  const step = stepOf(key);
  const window = boxOf(key);
  const view = { minX: window.minX + step / 2, minY: window.minY + step / 2, maxX: window.maxX - step / 2, maxY: window.maxY - step / 2 };
  const drawn = new Set(shown.nodes.filter((node) => always.has(node.id) || meets(diagramIndex.boxOf(node), view)).map((node) => node.id));
  // React Flow draws an edge whose ends' box meets the view: it keeps both ends, so it does not
  // blink out. At an overview zoom edges are the layer's, which needs no nodes.
  for (const edge of overview ? [] : shown.edges) {
    const [source, target] = [diagramIndex.node(edge.source), diagramIndex.node(edge.target)];
    if (source && target && meets(around(diagramIndex.boxOf(source), diagramIndex.boxOf(target)), view)) drawn.add(edge.source).add(edge.target);
  }
  const nodes = shown.nodes.filter((node) => drawn.has(node.id));
  return nodes.length === shown.nodes.length ? shown : { ...shown, nodes };
}

function around(a: Box, b: Box): Box {
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}

function meets(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

export interface Shown extends Culled {
  /** What the plain edge layer draws (OverviewEdges). */
  readonly layer: readonly DiagramEdge[];
}

const NOTHING: Shown = { nodes: [], edges: [], passing: [], layer: [] };

/** A cull and what it was for. */
interface CulledFor {
  readonly key: string;
  readonly always: ReadonlySet<string>;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly culled: Culled;
}

/** At an `overview` zoom every edge goes to the plain layer and none to React Flow. */
export function useCulled(diagram: Diagram, always: ReadonlySet<string>, overview: boolean): Shown {
  const key = useFlowStore(windowKey);
  const last = useRef<Shown>(NOTHING);
  // Bumped once a frame while what React Flow has is still short of what the window holds.
  const [frame, setFrame] = useState(0);
  const pending = useRef(false);
  // What the window holds is worked out once per window and diagram, not again on each frame of a
  // hand-over; a drag frame inside the window only swaps the moved nodes in (afterMove).
  const culledFor = useRef<CulledFor>(undefined);
  const wanted = useMemo(() => {
    const before = culledFor.current;
    diagramIndex.sync(diagram.nodes, diagram.edges);
    const box = boxOf(key);
    const same = before && before.key === key && before.always === always && before.edges === diagram.edges;
    const moved = same ? diagramIndex.movedBetween(before.nodes, diagram.nodes) : undefined;
    const culled = (moved && afterMove(before!.culled, moved, box, diagramIndex)) ?? cull(diagramIndex, box, always);
    culledFor.current = { key, always, nodes: diagram.nodes, edges: diagram.edges, culled };
    return culled;
  }, [diagram.nodes, diagram.edges, key, always]);
  // The cull that was last handed over whole: a drag frame after it hands over the moved nodes alone.
  const complete = useRef<{ wanted: Culled; overview: boolean }>(undefined);
  // The window the last hand-over was for.
  const handedKey = useRef<string>(undefined);
  const shown = useMemo(() => {
    const done = complete.current;
    if (done && done.overview === overview && sameEdges(done.wanted, wanted)) {
      complete.current = { wanted, overview };
      last.current = { ...last.current, nodes: wanted.nodes };
      return last.current;
    }
    const zoomedOut = handedKey.current !== undefined && stepOf(key) > stepOf(handedKey.current);
    const before = zoomedOut ? drawnBefore(last.current, handedKey.current!, always, overview) : last.current;
    handedKey.current = key;
    const next = admit(before, wanted, always, PER_FRAME);
    // A drag changes the dragged node and nothing else: the lists that did not change are handed
    // back as they were, so React Flow does not take in every edge again on every frame, and the
    // edge layer does not draw again at all.
    const edges = kept(before.edges, next.edges);
    const passing = kept(before.passing, next.passing);
    // Zooming out to an overview moves every edge into the layer, a portion a frame. The layer
    // draws from the diagram, not from React Flow's nodes: it takes what the window holds, and
    // keeps what it drew whether or not React Flow has its ends yet.
    const layered = overview ? [...wanted.edges, ...wanted.passing] : passing;
    const layer = overview ? kept(before.layer, portion(before.layer, layered, PER_FRAME.edges)) : passing;
    pending.current =
      next.nodes.length < wanted.nodes.length ||
      next.edges.length < wanted.edges.length ||
      next.passing.length < wanted.passing.length ||
      layer.length < layered.length;
    last.current = { nodes: kept(before.nodes, next.nodes), edges, passing, layer };
    complete.current = pending.current ? undefined : { wanted, overview };
    return last.current;
    // `frame` is not read: a new one asks for the next portion.
  }, [wanted, always, overview, frame, key]);
  useEffect(() => {
    if (!pending.current) return;
    const id = requestAnimationFrame(() => setFrame((count) => count + 1));
    return () => cancelAnimationFrame(id);
  }, [shown]);
  return shown;
}

/** The same edge lists, and as many nodes: `after` is `before` with moved nodes swapped in (afterMove). */
function sameEdges(before: Culled, after: Culled): boolean {
  return before.edges === after.edges && before.passing === after.passing && before.nodes.length === after.nodes.length;
}

function kept<T>(before: readonly T[], after: readonly T[]): readonly T[] {
  return sameItems(before, after) ?? after;
}

/** `before` when both lists hold the same items in the same order, else undefined. */
function sameItems<T>(before: readonly T[], after: readonly T[]): readonly T[] | undefined {
  if (before.length !== after.length) return undefined;
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) return undefined;
  return before;
}
