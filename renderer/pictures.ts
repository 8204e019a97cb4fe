/**
 * Pictures of the diagram: SVG built from the diagram and its routes (picture/svg.tsx), PNG as
 * that SVG rasterised at the chosen scale, and Mermaid text from the diagram itself. Saving goes
 * through the contract, so the desktop app asks where and the web app downloads.
 */
import { LAYERS, type Diagram, type Layer } from '../domain/diagram';
import { toMermaid } from '../domain/mermaid';
import { pythonForm } from '../domain/names';
import { routeAll, type Route } from '../domain/routing';
import type { PictureRequest, SaveResult } from '../preload/api';
import { api } from './api';
import { pictureSvg, type Palette, type Severity } from './picture/svg';
import { useRoutes } from './routing/routes';
import { findingsOf } from './store/findings';

export type PictureFormat = PictureRequest['format'];
export const SCALES = [1, 2, 4] as const;
export type Scale = (typeof SCALES)[number];
export type Theme = 'light' | 'dark';

export interface PictureOptions {
  readonly format: PictureFormat;
  /** Pixels per canvas unit in a PNG; an SVG is drawn that much larger. */
  readonly scale: Scale;
  readonly theme: Theme;
}

/** Renders, then saves through the contract; the file name comes from the project's name. */
export async function exportPicture(diagram: Diagram, options: PictureOptions): Promise<SaveResult> {
  const extension = { png: 'png', svg: 'svg', mermaid: 'mmd' }[options.format];
  const suggestedName = `${pythonForm(diagram.project.name) || 'diagram'}.${extension}`;
  return api.savePicture({ format: options.format, data: await pictureData(diagram, options), suggestedName });
}

/** Mermaid or SVG as text, PNG as base64. */
export async function pictureData(diagram: Diagram, options: PictureOptions): Promise<string> {
  if (options.format === 'mermaid') return toMermaid(diagram);
  const scale = options.format === 'svg' ? options.scale : 1;
  const picture = pictureSvg({ ...findingLooks(diagram), diagram, routes: routesOf(diagram), palette: paletteOf(options.theme), scale });
  if (options.format === 'svg') return picture.svg;
  return rasterise(picture.svg, picture.width * options.scale, picture.height * options.scale);
}

/** What the canvas draws when every route is finished; otherwise the same routing, done here. */
function routesOf(diagram: Diagram): Map<string, Route> {
  const drawn = useRoutes.getState().routes;
  const routes = new Map<string, Route>();
  for (const edge of diagram.edges) {
    const route = drawn.get(edge.id);
    if (!route?.final) return routeAll(diagram.nodes, diagram.edges);
    routes.set(edge.id, route.points);
  }
  return routes;
}

function findingLooks(diagram: Diagram): { nodeFindings: Map<string, Severity>; edgeFindings: Map<string, Severity> } {
  const index = findingsOf(diagram);
  const looks = (statuses: ReadonlyMap<string, { severity: Severity }>) => new Map([...statuses].map(([id, status]) => [id, status.severity]));
  return { nodeFindings: looks(index.nodes), edgeFindings: looks(index.edges) };
}

/** The theme's colours, as styles.css defines them for pictures. */
function paletteOf(theme: Theme): Palette {
  const probe = document.createElement('div');
  probe.className = `react-flow picture-${theme}`;
  probe.style.display = 'none';
  document.body.append(probe);
  try {
    const style = getComputedStyle(probe);
    const read = (name: string) => style.getPropertyValue(`--${name}`).trim();
    const layers = Object.fromEntries(LAYERS.map((layer) => [layer, read(layer)])) as Record<Layer, string>;
    return { canvas: read('canvas'), panel: read('panel'), border: read('border'), text: read('text'), muted: read('muted'), edge: read('edge'), error: read('error'), warning: read('warning'), accent: read('accent'), note: read('note'), noteBorder: read('note-border'), noteText: read('note-text'), layers };
  } finally {
    probe.remove();
  }
}

/** The SVG drawn onto a canvas of the given size, as base64 PNG. */
async function rasterise(svg: string, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a picture (no 2D canvas).');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
