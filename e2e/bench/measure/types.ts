/** What every measurement module of the canvas benchmark provides; canvas.bench.ts runs them in order. */
import type { BenchPage, Side } from '../pages';

/** Named figures of one run on one page, e.g. `{ openMs: 812, openLongestMs: 140 }`. */
export type Figures = Record<string, number>;

export interface Row {
  /** What is measured, as the table says it. */
  readonly metric: string;
  readonly goal: string;
  /** The figure it shows, and how. */
  readonly key: string;
  readonly unit: 'ms' | 'fps' | 'MB' | 'x' | 'n';
}

export interface Measurement {
  readonly name: string;
  /** Node counts it runs at (all when absent). */
  readonly sizes?: readonly number[];
  /** Pages it runs on (both when absent). */
  readonly sides?: readonly Side[];
  /** Measures on a page left as the previous measurement left it; returns its figures. */
  run(target: BenchPage, size: number): Promise<Figures>;
  /** Table rows for one node count. */
  rows(size: number): readonly Row[];
}

/** p-th quantile (0..1) of a list, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
