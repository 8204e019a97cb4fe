/** Checks on what the renderer sends: it is a web page, so its payloads are untrusted. */
import { isAbsolute } from 'node:path';
import { isRecord } from '../domain/json';
import { MAX_FILE_CHARS, parseDiagram } from '../domain/parse';
import { serializeDiagram } from '../domain/serialize';
import { FRAMEWORKS, LAYOUTS, TASK_FRAMEWORKS, type Diagram } from '../domain/diagram';
import type { ExportRequest, OpenRequest, OpenTextRequest, PictureRequest, RecoveryWrite, SaveRequest } from '../preload/api';

export class PayloadError extends Error {}

const MAX_PATH_LENGTH = 4096;

export function checkOpenRequest(payload: unknown): OpenRequest {
  const request = record(payload);
  const path = optionalPath(request.path);
  return path === undefined ? {} : { path };
}

export function checkOpenTextRequest(payload: unknown): OpenTextRequest {
  const request = record(payload);
  if (typeof request.name !== 'string' || request.name.length > 255) throw new PayloadError('name must be a short string');
  if (typeof request.text !== 'string') throw new PayloadError('text must be a string');
  if (request.text.length > MAX_FILE_CHARS) throw new PayloadError('text is larger than a diagram file may be');
  return { name: request.name, text: request.text };
}

export function checkSaveRequest(payload: unknown): SaveRequest {
  const request = record(payload);
  const path = optionalPath(request.path);
  if (path !== undefined && !path.endsWith('.strata')) throw new PayloadError('diagrams are saved only to .strata files');
  const suggestedName = typeof request.suggestedName === 'string' ? request.suggestedName.slice(0, 255) : undefined;
  return {
    diagram: checkDiagram(request.diagram),
    ...(path && { path }),
    ...(suggestedName && { suggestedName }),
    overwrite: request.overwrite === true,
  };
}

/** A diagram from the renderer gets the same checks as a file from disk. */
export function checkDiagram(value: unknown): Diagram {
  let text: string;
  try {
    text = serializeDiagram(value as Diagram);
  } catch {
    throw new PayloadError('diagram is not a diagram');
  }
  const result = parseDiagram(text);
  if (!result.ok) throw new PayloadError(`diagram is invalid: ${result.errors[0]?.path} ${result.errors[0]?.message}`);
  return result.diagram;
}

function record(payload: unknown): Record<string, unknown> {
  if (!isRecord(payload)) throw new PayloadError('request must be an object');
  return payload;
}

function optionalPath(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > MAX_PATH_LENGTH || value.includes('\0') || !isAbsolute(value)) {
    throw new PayloadError('path must be an absolute file path');
  }
  return value;
}

export function checkDocumentState(payload: unknown): { title: string; dirty: boolean } {
  const request = record(payload);
  if (typeof request.title !== 'string' || typeof request.dirty !== 'boolean') {
    throw new PayloadError('document state needs a title and a dirty flag');
  }
  return { title: request.title.slice(0, 300), dirty: request.dirty };
}

export function checkPathRequest(payload: unknown): { path: string } {
  const path = optionalPath(record(payload).path);
  if (path === undefined) throw new PayloadError('path is required');
  return { path };
}

const PICTURE_FORMATS = ['png', 'svg', 'mermaid'] as const;
/** A PNG of a large diagram at 4× is big, but not this big. */
const MAX_PICTURE_CHARS = 200 * 1024 * 1024;

export function checkPictureRequest(payload: unknown): PictureRequest {
  const request = record(payload);
  const format = PICTURE_FORMATS.find((f) => f === request.format);
  if (!format) throw new PayloadError('format must be png, svg or mermaid');
  if (typeof request.data !== 'string' || request.data.length > MAX_PICTURE_CHARS) throw new PayloadError('data must be a string');
  if (format === 'png' && !/^[A-Za-z0-9+/]*={0,2}$/.test(request.data)) throw new PayloadError('PNG data must be base64');
  const suggestedName = typeof request.suggestedName === 'string' ? request.suggestedName.slice(0, 255) : `diagram.${format}`;
  return { format, data: request.data, suggestedName };
}

/** Recovery slots are file names in the user-data folder, so only a plain random id will do. */
const SLOT = /^[0-9a-f]{32}$/;
const MAX_LIVE_SLOTS = 1000;

export function checkSlot(value: unknown): string {
  if (typeof value !== 'string' || !SLOT.test(value)) throw new PayloadError('slot must be 32 lowercase hex digits');
  return value;
}

export function checkRecoveryWrite(payload: unknown): RecoveryWrite {
  const request = record(payload);
  const file = record(request.file);
  const path = file.path === null || file.path === undefined ? null : optionalPath(file.path) ?? null;
  const name = typeof file.name === 'string' ? file.name.slice(0, 255) : 'Untitled';
  return { slot: checkSlot(request.slot), file: { path, name, diagram: checkDiagram(file.diagram) } };
}

export function checkRecoveryRead(payload: unknown): { except: string[] } {
  const except = record(payload).except;
  if (!Array.isArray(except) || except.length > MAX_LIVE_SLOTS) throw new PayloadError('except must be a list of slots');
  return { except: except.map(checkSlot) };
}

export function checkExportRequest(payload: unknown): ExportRequest {
  const request = record(payload);
  // Where the zip goes is always the user's answer in a dialog (or a browser download).
  if (request.path !== undefined) throw new PayloadError('export asks the user where to write; it takes no path');
  const options = request.options === undefined ? {} : record(request.options);
  return {
    diagram: checkDiagram(request.diagram),
    options: {
      ...(options.framework !== undefined && { framework: oneOf(options.framework, FRAMEWORKS, 'framework') }),
      ...(options.tasks !== undefined && { tasks: oneOf(options.tasks, TASK_FRAMEWORKS, 'tasks') }),
      ...(options.layout !== undefined && { layout: oneOf(options.layout, LAYOUTS, 'layout') }),
    },
    force: request.force === true,
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  const found = allowed.find((a) => a === value);
  if (!found) throw new PayloadError(`${name} must be one of ${allowed.join(', ')}`);
  return found;
}
