/**
 * The auto-layout worker: lays out a diagram off the main thread, so the canvas keeps drawing
 * while a large diagram is laid out. Answers each request with its id, the new positions and the
 * routes of every edge for those positions (drawn, and as searched), as [id, value] pairs.
 */
import type { Diagram, Position } from '../../domain/diagram';
import { layOutWithRoutes } from '../../domain/layout/routed';
import type { Route, Searched } from '../../domain/routing';

export interface LayoutRequest {
  readonly id: number;
  readonly diagram: Diagram;
}

export type LayoutAnswer =
  | { readonly id: number; readonly positions: [string, Position][]; readonly routes: [string, Route][]; readonly searched: [string, Searched][] }
  | { readonly id: number; readonly error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, diagram } = event.data;
  let answer: LayoutAnswer;
  try {
    const { positions, routes, searched } = layOutWithRoutes(diagram);
    answer = { id, positions: [...positions], routes: [...routes], searched: [...searched] };
  } catch (error) {
    answer = { id, error: (error as Error).message };
  }
  self.postMessage(answer);
};
