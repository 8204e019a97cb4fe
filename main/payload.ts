/** Checks on what the renderer sends: it is a web page, so its payloads are untrusted. */
import { isRecord } from '../domain/json';
import { MAX_FILE_CHARS, parseDiagram } from '../domain/parse';
import { serializeDiagram } from '../domain/serialize';
import type { Diagram } from '../domain/diagram';
import type { OpenRequest, OpenTextRequest, SaveRequest } from '../preload/api';

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
  return { diagram: checkDiagram(request.diagram), ...(path && { path }), ...(suggestedName && { suggestedName }) };
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
  if (typeof value !== 'string' || value === '' || value.length > MAX_PATH_LENGTH || value.includes('\0')) {
    throw new PayloadError('path must be a non-empty file path');
  }
  return value;
}
