/**
 * The auto-layout worker: lays out a diagram off the main thread, so the canvas keeps drawing
 * while a large diagram is laid out. Answers each request with its id and the new positions as [id, position] pairs.
 */
import type { Diagram, Position } from '../../domain/diagram';
import { layOut } from '../../domain/layout/lanes';

export interface LayoutRequest {
  readonly id: number;
  readonly diagram: Diagram;
}

export type LayoutAnswer =
  | { readonly id: number; readonly positions: [string, Position][] }
  | { readonly id: number; readonly error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, diagram } = event.data;
  let answer: LayoutAnswer;
  try {
    answer = { id, positions: [...layOut(diagram)] };
  } catch (error) {
    answer = { id, error: (error as Error).message };
  }
  self.postMessage(answer);
};
