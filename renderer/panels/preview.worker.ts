/**
 * The export preview's worker: generates the project off the renderer's main thread, so the
 * dialog (and the canvas behind it) stays responsive while a large diagram is generated.
 */
import type { Diagram } from '../../domain/diagram';
import { generate, type GenerateResult } from '../../domain/generate';
import type { ExportOptions } from '../../preload/api';

export interface PreviewRequest {
  readonly id: number;
  readonly diagram: Diagram;
  readonly options: ExportOptions;
}

export interface PreviewAnswer {
  readonly id: number;
  readonly result: GenerateResult;
}

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const { id, diagram, options } = event.data;
  self.postMessage({ id, result: generate(diagram, options) } satisfies PreviewAnswer);
};
