/**
 * Pictures of the diagram: PNG and SVG of what the canvas draws (as React Flow's "download
 * image" example does), and Mermaid text from the diagram itself. Saving goes through the
 * contract, so the desktop app asks where and the web app downloads.
 */
import { getViewportForBounds, type Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type { Diagram } from '../domain/diagram';
import { toMermaid } from '../domain/mermaid';
import { pythonForm } from '../domain/names';
import type { PictureRequest, SaveResult } from '../preload/api';
import { api } from './api';
import { inFullDetail } from './canvas/detail';

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

/** The smallest rectangle holding all of `rects` (feature boxes are drawn outside React Flow's nodes). */
export function unionOf(first: Rect, ...rest: readonly Rect[]): Rect {
  let left = first.x;
  let top = first.y;
  let right = first.x + first.width;
  let bottom = first.y + first.height;
  for (const rect of rest) {
    left = Math.min(left, rect.x);
    top = Math.min(top, rect.y);
    right = Math.max(right, rect.x + rect.width);
    bottom = Math.max(bottom, rect.y + rect.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Room around the outermost nodes, in canvas units. */
export const PICTURE_PADDING = 32;

/**
 * The picture's size in canvas units and the viewport transform that fits `bounds` (every
 * node as React Flow measured them, `getNodesBounds(getNodes())`, and every feature box).
 */
export function pictureFrame(bounds: Rect): { width: number; height: number; transform: string } {
  const width = Math.max(1, Math.ceil(bounds.width + 2 * PICTURE_PADDING));
  const height = Math.max(1, Math.ceil(bounds.height + 2 * PICTURE_PADDING));
  // Zoom pinned to 1, so one canvas unit is one picture pixel before scaling.
  const viewport = getViewportForBounds(bounds, width, height, 1, 1, 0);
  return { width, height, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` };
}

/** Renders, then saves through the contract; the file name comes from the project's name. */
export async function exportPicture(diagram: Diagram, bounds: Rect, options: PictureOptions): Promise<SaveResult> {
  const data = options.format === 'mermaid' ? toMermaid(diagram) : await inFullDetail(() => renderCanvas(bounds, options));
  const extension = { png: 'png', svg: 'svg', mermaid: 'mmd' }[options.format];
  const suggestedName = `${pythonForm(diagram.project.name) || 'diagram'}.${extension}`;
  return api.savePicture({ format: options.format, data, suggestedName });
}

/** PNG as base64 or SVG as text, of the canvas drawn in the chosen theme. */
async function renderCanvas(bounds: Rect, options: PictureOptions): Promise<string> {
  const flow = document.querySelector<HTMLElement>('.react-flow');
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) throw new Error('The canvas is not on screen.');
  const { width, height, transform } = pictureFrame(bounds);
  // html-to-image copies each element's computed style, so the theme must be live while it copies.
  const themeClass = `picture-${options.theme}`;
  flow.classList.add('picture-capture', themeClass);
  try {
    const backgroundColor = getComputedStyle(flow).getPropertyValue('--canvas').trim();
    const settings = { width, height, skipFonts: true, style: { width: `${width}px`, height: `${height}px`, transform } };
    if (options.format === 'png') {
      return dataOf(await toPng(viewport, { ...settings, backgroundColor, pixelRatio: options.scale }));
    }
    return finishSvg(decodeURIComponent(dataOf(await toSvg(viewport, settings))), options.scale, backgroundColor);
  } finally {
    flow.classList.remove('picture-capture', themeClass);
  }
}

/** What follows the comma of a data URL. */
function dataOf(url: string): string {
  return url.slice(url.indexOf(',') + 1);
}

/**
 * Draws the SVG `scale` times larger (its viewBox keeps the drawing unchanged) on a background
 * that fills it: html-to-image would colour only the moved viewport's own box.
 */
function finishSvg(text: string, scale: Scale, backgroundColor: string): string {
  const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  for (const attribute of ['width', 'height']) {
    svg.setAttribute(attribute, String(Number(svg.getAttribute(attribute)) * scale));
  }
  const background = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundColor);
  svg.insertBefore(background, svg.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}
