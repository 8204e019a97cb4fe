/**
 * A picture of the diagram as plain SVG: shapes, paths and text, no HTML inside, so any SVG
 * renderer (a browser, librsvg, resvg, an editor) draws it the same. Built from the diagram and
 * its routes, not copied from the page, so it holds every node whatever is on screen. The PNG is
 * this SVG rasterised, so both carry the same routes.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { KIND_INFO, LAYERS, engineOf, type Diagram, type DiagramNode, type Layer } from '../../domain/diagram';
import { NODE_BOX, isWrongWay, labelPoint, pathOf, type Box, type Route } from '../../domain/routing';
import { featureBoxes } from '../canvas/features';
import { KindIcon } from '../canvas/icons';
import { edgeLabelSvg, noteBoxes, notesSvg } from './words';

/** The theme's colours, read from styles.css by the caller. */
export interface Palette {
  readonly canvas: string;
  readonly panel: string;
  readonly border: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly error: string;
  readonly warning: string;
  readonly accent: string;
  readonly note: string;
  readonly noteBorder: string;
  readonly noteText: string;
  readonly layers: Readonly<Record<Layer, string>>;
}

export type Severity = 'error' | 'warning';

export interface PictureInput {
  readonly diagram: Diagram;
  readonly routes: ReadonlyMap<string, Route>;
  readonly nodeFindings: ReadonlyMap<string, Severity>;
  readonly edgeFindings: ReadonlyMap<string, Severity>;
  readonly palette: Palette;
  /** The SVG's width and height are this many times its drawing's size. */
  readonly scale: number;
}

interface EdgeLook {
  readonly line: Severity;
  readonly badge: Severity;
}

export const PICTURE_PADDING = 32;
/** Room above the drawing for the project's name and the layer legend. */
const HEADER = 56;
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
/** Room for a node's name, and how wide a bold 13 px character is on average. */
const NAME_ROOM = 116;
const CHARACTER_WIDTH = 8;
const SMALLEST_NAME = 9;

export function pictureSvg(input: PictureInput): { svg: string; width: number; height: number } {
  const { diagram, palette } = input;
  const bounds = boundsOf(diagram, input.routes);
  const width = Math.max(Math.ceil(bounds.width + 2 * PICTURE_PADDING), 420);
  const height = Math.ceil(bounds.height + 2 * PICTURE_PADDING + HEADER);
  const [dx, dy] = [PICTURE_PADDING - bounds.x, PICTURE_PADDING + HEADER - bounds.y];
  // The title the meeting gave the diagram, else the project's name.
  const title = diagram.title ?? diagram.project.name;
  const looks = edgeLooks(diagram, input.edgeFindings);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * input.scale}" height="${height * input.scale}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escape(title)}</title>`,
    markers(palette),
    `<rect width="100%" height="100%" fill="${palette.canvas}"/>`,
    header(title, palette, width),
    `<g transform="translate(${round(dx)} ${round(dy)})">`,
    ...notesSvg(diagram, palette, escape),
    ...featureBoxes(diagram.nodes).map((box) => feature(box, palette)),
    ...diagram.edges.map((edge) => edgeSvg(edge.id, input.routes.get(edge.id), looks.get(edge.id)?.line, palette)),
    ...diagram.nodes.map((node) => nodeSvg(node, input.nodeFindings.get(node.id), palette)),
    ...diagram.edges.map((edge) => edgeBadge(input.routes.get(edge.id), looks.get(edge.id)?.badge, palette)),
    ...diagram.edges.map((edge) => edgeLabelSvg(edge.label, input.routes.get(edge.id), looks.has(edge.id), palette, escape)),
    '</g>',
    '</svg>',
  ];
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${parts.filter(Boolean).join('\n')}\n`, width, height };
}

/**
 * How each flagged edge is drawn, as the canvas draws it: the line in its finding's look, or as
 * an error where its target stands above its source (routed around the side); the badge shows
 * the finding, else the error of being drawn upwards.
 */
function edgeLooks(diagram: Diagram, findings: ReadonlyMap<string, Severity>): Map<string, EdgeLook> {
  const boxes = new Map(diagram.nodes.map((node) => [node.id, { ...node.position, ...NODE_BOX }]));
  const looks = new Map<string, EdgeLook>();
  for (const edge of diagram.edges) {
    const [source, target] = [boxes.get(edge.source), boxes.get(edge.target)];
    const upwards = source !== undefined && target !== undefined && isWrongWay(source, target);
    const finding = findings.get(edge.id);
    if (upwards) looks.set(edge.id, { line: 'error', badge: finding ?? 'error' });
    else if (finding) looks.set(edge.id, { line: finding, badge: finding });
  }
  return looks;
}

function boundsOf(diagram: Diagram, routes: ReadonlyMap<string, Route>): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  const take = (x: number, y: number) => {
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  };
  for (const node of diagram.nodes) {
    take(node.position.x, node.position.y);
    take(node.position.x + NODE_BOX.width, node.position.y + NODE_BOX.height);
  }
  for (const box of featureBoxes(diagram.nodes)) {
    take(box.x, box.y);
    take(box.x + box.width, box.y + box.height);
  }
  for (const route of routes.values()) for (const point of route) take(point.x, point.y);
  for (const box of noteBoxes(diagram)) {
    take(box.x, box.y);
    take(box.x + box.width, box.y + box.height);
  }
  return left === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * How wide a legend word is drawn at 11 px, estimated letter by letter (narrow i, l, t; wide m, w),
 * as measured on the layer names in Chromium: a count of characters alone left "domain" crowding
 * the next entry and "interface" far from it.
 */
export function legendWordWidth(word: string): number {
  let width = 0;
  for (const letter of word) width += /[ijlt]/.test(letter) ? 3.2 : /[fr]/.test(letter) ? 4.3 : /[mw]/.test(letter) ? 10.2 : 6.7;
  return width;
}

function header(name: string, palette: Palette, width: number): string {
  const title = `<text x="${PICTURE_PADDING}" y="${PICTURE_PADDING + 6}" font-size="18" font-weight="700" fill="${palette.text}">${escape(name)}</text>`;
  // Each entry as wide as its word (an estimate: there is no layout engine to measure with), so
  // the gaps between entries are even.
  let next = PICTURE_PADDING;
  const legend = LAYERS.map((layer) => {
    const x = next;
    next += Math.round(14 + legendWordWidth(layer) + 18);
    const y = PICTURE_PADDING + 22;
    return `<rect x="${x}" y="${y}" width="10" height="10" rx="2" fill="${palette.layers[layer]}"/><text x="${x + 14}" y="${y + 9}" font-size="11" fill="${palette.muted}">${layer}</text>`;
  });
  return `<g class="legend" data-width="${width}">${title}${legend.join('')}</g>`;
}

function markers(palette: Palette): string {
  const looks = [
    ['plain', palette.edge],
    ['warning', palette.warning],
    ['error', palette.error],
  ];
  const defs = looks.map(
    ([look, colour]) =>
      `<marker id="arrow-${look}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`,
  );
  return `<defs>${defs.join('')}</defs>`;
}

function feature(box: { feature: string; x: number; y: number; width: number; height: number }, palette: Palette): string {
  const rect = `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="12" fill="none" stroke="${palette.border}" stroke-width="1.5" stroke-dasharray="6 4"/>`;
  const label = `<text x="${box.x + 12}" y="${box.y + 20}" font-size="12" font-weight="600" fill="${palette.muted}">${escape(box.feature)}</text>`;
  return `<g class="feature">${rect}${label}</g>`;
}

function edgeSvg(id: string, route: Route | undefined, finding: Severity | undefined, palette: Palette): string {
  if (!route || route.length < 2) return '';
  const colour = finding ? palette[finding] : palette.edge;
  const dash = finding === 'warning' ? ' stroke-dasharray="6 4"' : '';
  const width = finding === 'error' ? 2 : 1.6;
  return `<path class="edge" data-id="${escape(id)}" d="${pathOf(route)}" fill="none" stroke="${colour}" stroke-width="${width}"${dash} marker-end="url(#arrow-${finding ?? 'plain'})"/>`;
}

function edgeBadge(route: Route | undefined, finding: Severity | undefined, palette: Palette): string {
  if (!route || !finding) return '';
  const point = labelPoint(route);
  return badge(point.x, point.y, finding, palette);
}

function badge(x: number, y: number, finding: Severity, palette: Palette): string {
  const glyph = finding === 'error' ? '!' : '⚠';
  return `<g class="badge"><circle cx="${round(x)}" cy="${round(y)}" r="9" fill="${palette[finding]}"/><text x="${round(x)}" y="${round(y + 4)}" font-size="12" font-weight="700" text-anchor="middle" fill="#ffffff">${glyph}</text></g>`;
}

function nodeSvg(node: DiagramNode, finding: Severity | undefined, palette: Palette): string {
  const info = KIND_INFO[node.kind];
  const layerColour = palette.layers[info.layer];
  const { x, y } = node.position;
  const { width, height } = NODE_BOX;
  const infrastructure = info.layer === 'infrastructure';
  const radius = infrastructure ? 22 : 8;
  const stroke = finding ? palette[finding] : infrastructure ? layerColour : palette.border;
  const shapes = [`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${radius}" fill="${palette.panel}" stroke="${stroke}" stroke-width="${finding ? 2 : infrastructure ? 1.5 : 1}"/>`];
  if (!infrastructure) shapes.push(`<path d="M${x + 4} ${y + 0.5}H${x + 8}V${y + height - 0.5}H${x + 4}A4 4 0 0 1 ${x} ${y + height - 4}V${y + 4}A4 4 0 0 1 ${x + 4} ${y + 0.5}Z" fill="${layerColour}"/>`);
  const iconColour = finding === 'error' ? palette.error : layerColour;
  shapes.push(`<rect x="${x + 14}" y="${y + 11}" width="30" height="30" rx="8" fill="${iconColour}" fill-opacity="0.14"/>`);
  shapes.push(`<g transform="translate(${x + 20} ${y + 17}) scale(0.75)" color="${iconColour}">${iconOf(node)}</g>`);
  const engine = engineOf(node);
  const kindLine = [info.label, engine, node.feature].filter(Boolean).join(' · ');
  const name = fitted(node.name || '(unnamed)');
  shapes.push(`<text x="${x + 54}" y="${y + 23}" font-size="${name.size}" font-weight="600" fill="${palette.text}">${escape(name.text)}</text>`);
  shapes.push(`<text x="${x + 54}" y="${y + 38}" font-size="11" fill="${palette.muted}">${escape(shorten(kindLine, 21))}</text>`);
  if (finding) shapes.push(badge(x + width, y, finding, palette));
  return `<g class="node" data-id="${escape(node.id)}">${shapes.join('')}</g>`;
}

const icons = new Map<string, string>();

/** The canvas's icon for the kind, as SVG markup (the same drawing, no HTML). */
function iconOf(node: DiagramNode): string {
  let markup = icons.get(node.kind);
  if (markup === undefined) {
    markup = renderToStaticMarkup(<KindIcon kind={node.kind} size={24} />).replace(/ class="kind-icon"/, '').replace(/ aria-hidden="true"/, '');
    // A nested <svg> with its own size, placed by the group around it; currentColor comes from the group.
    icons.set(node.kind, markup);
  }
  return markup;
}

/** A long name is set smaller so that it still reads whole; only a very long one is shortened. */
function fitted(name: string): { text: string; size: number } {
  const size = Math.min(13, (13 * NAME_ROOM) / (name.length * CHARACTER_WIDTH));
  if (size >= SMALLEST_NAME) return { text: name, size: Math.floor(size * 10) / 10 };
  return { text: shorten(name, Math.floor(NAME_ROOM / ((CHARACTER_WIDTH * SMALLEST_NAME) / 13))), size: SMALLEST_NAME };
}

function shorten(text: string, characters: number): string {
  return text.length <= characters ? text : `${text.slice(0, characters - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}
