/**
 * The mini map, drawn into one <canvas> from the Diagram. React Flow's own mini map renders an
 * SVG shape per node, each subscribed to the flow's store, so every pan or drag frame ran
 * thousands of selectors; this one redraws its nodes only when the diagram's nodes change and
 * moves a single rectangle when the viewport does. Click or drag in it to pan; wheel to zoom.
 */
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { KIND_INFO, type DiagramNode } from '../../domain/diagram';
import { useStore } from '../store/store';
import { NODE_SIZE } from './features';
import { useScheme } from '../theme';
import { useMinimap, useMinimapPlacement } from '../menus/minimap';

const WIDTH = 160;
const HEIGHT = 110;
const MARGIN = 40;

interface Frame {
  readonly left: number;
  readonly top: number;
  readonly scale: number;
}

export function CanvasMiniMap() {
  // While a drag lasts the map keeps its picture (and its frame): redrawing, even measuring, every
  // node on every frame of it costs milliseconds in a large diagram, for a move the map shows as a
  // pixel. It catches up when the gesture ends.
  const nodes = useStore((state) => (state.gestureStart ?? state.diagram).nodes);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [x, y, zoom] = useFlowStore((state) => state.transform);
  const paneWidth = useFlowStore((state) => state.width);
  const paneHeight = useFlowStore((state) => state.height);
  const flow = useReactFlow();
  const view = { left: -x / zoom, top: -y / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  const bounds = useMemo(() => boundsOf(nodes), [nodes]);
  const { left, top, scale } = frameFor(bounds, view);
  const scheme = useColorScheme();
  // Out of the way of the diagram (menus/minimap.ts), or hidden by the user; drawn afresh when it comes back.
  useMinimapPlacement();
  const place = useMinimap((state) => (state.shown ? state.place : 'aside'));

  useEffect(() => {
    if (place === 'aside') return;
    const id = requestAnimationFrame(() => draw(canvas.current, nodes, { left, top, scale }, scheme));
    return () => cancelAnimationFrame(id);
  }, [nodes, left, top, scale, scheme, place]);

  const panTo = (event: PointerEvent<HTMLDivElement>) => {
    if (event.buttons !== 1) return;
    const box = event.currentTarget.getBoundingClientRect();
    const centre = { x: (event.clientX - box.left) / scale + left, y: (event.clientY - box.top) / scale + top };
    void flow.setCenter(centre.x, centre.y, { zoom });
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => void (event.deltaY < 0 ? flow.zoomIn() : flow.zoomOut());
  if (place === 'aside') return null;
  return (
    <div
      className={`minimap react-flow__panel ${place} right nopan nowheel`}
      data-place={place}
      role="img"
      aria-label="Mini map"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        panTo(event);
      }}
      onPointerMove={panTo}
      onWheel={onWheel}
    >
      <canvas ref={canvas} width={WIDTH} height={HEIGHT} />
      <span
        className="minimap-view"
        style={{
          transform: `translate(${(view.left - left) * scale}px, ${(view.top - top) * scale}px)`,
          width: view.width * scale,
          height: view.height * scale,
        }}
      />
    </div>
  );
}

interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

function boundsOf(nodes: readonly DiagramNode[]): Bounds {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + NODE_SIZE.width);
    maxY = Math.max(maxY, node.position.y + NODE_SIZE.height);
  }
  return { minX, minY, maxX, maxY };
}

/** Where the map looks: the nodes and the view, centred; rounded so tiny moves do not redraw. */
function frameFor(nodes: Bounds, view: { left: number; top: number; width: number; height: number }): Frame {
  const minX = Math.min(nodes.minX, view.left);
  const minY = Math.min(nodes.minY, view.top);
  const maxX = Math.max(nodes.maxX, view.left + view.width);
  const maxY = Math.max(nodes.maxY, view.top + view.height);
  const scale = Math.min(WIDTH / (maxX - minX + 2 * MARGIN), HEIGHT / (maxY - minY + 2 * MARGIN));
  const rounded = Math.round(scale * 1e4) / 1e4;
  return {
    left: Math.round((minX + maxX) / 2 - WIDTH / rounded / 2),
    top: Math.round((minY + maxY) / 2 - HEIGHT / rounded / 2),
    scale: rounded,
  };
}

/** 'dark' or 'light', following the operating system, so the map redraws in the theme's colours. */
/** The scheme in effect: the app's theme choice, or the system's. */
function useColorScheme(): string {
  return useScheme();
}

/** The fill of each layer in the current theme, read once per theme rather than on every draw. */
const layerColours = new Map<string, string>();

function draw(canvas: HTMLCanvasElement | null, nodes: readonly DiagramNode[], { left, top, scale }: Frame, scheme: string): void {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return;
  // One path per layer and one fill each: switching fillStyle per node made a redraw of 1,000
  // nodes, on every drag frame, cost milliseconds.
  const paths = new Map<string, Path2D>();
  const width = Math.max(1.5, NODE_SIZE.width * scale);
  const height = Math.max(1.5, NODE_SIZE.height * scale);
  for (const node of nodes) {
    const layer = KIND_INFO[node.kind].layer;
    let path = paths.get(layer);
    if (!path) paths.set(layer, (path = new Path2D()));
    path.rect((node.position.x - left) * scale, (node.position.y - top) * scale, width, height);
  }
  context.clearRect(0, 0, WIDTH, HEIGHT);
  for (const [layer, path] of paths) {
    context.fillStyle = colourOf(canvas, layer, scheme);
    context.fill(path);
  }
}

function colourOf(canvas: HTMLCanvasElement, layer: string, scheme: string): string {
  const key = `${scheme}:${layer}`;
  let colour = layerColours.get(key);
  if (colour === undefined) {
    colour = getComputedStyle(canvas).getPropertyValue(`--${layer}`).trim() || '#888';
    layerColours.set(key, colour);
  }
  return colour;
}
