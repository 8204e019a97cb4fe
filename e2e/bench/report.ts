/**
 * The canvas benchmark's table: each figure as the range over the runs (min–max), Strata beside
 * React Flow's defaults, plus the figures that compare sizes or sides (a drag's growth with the
 * diagram, heap against the baseline's).
 */
import type { Measurement, Row } from './measure/types';
import type { Side } from './pages';

export class Results {
  private readonly values = new Map<string, number[]>();

  add(size: number, side: Side, figures: Record<string, number>): void {
    for (const [key, value] of Object.entries(figures)) {
      const id = `${size}|${side}|${key}`;
      this.values.set(id, [...(this.values.get(id) ?? []), value]);
    }
  }

  get(size: number, side: Side, key: string): readonly number[] {
    return this.values.get(`${size}|${side}|${key}`) ?? [];
  }

  toJSON(): Record<string, number[]> {
    return Object.fromEntries(this.values);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

function formatOne(value: number, unit: Row['unit']): string {
  switch (unit) {
    case 'fps':
      return (1000 / value).toFixed(0);
    case 'MB':
      return value.toFixed(1);
    case 'x':
      return value.toFixed(2);
    default:
      return value.toFixed(0);
  }
}

const UNIT_LABEL: Record<Row['unit'], string> = { ms: ' ms', fps: ' fps', MB: ' MB', x: '×', n: '' };

/** "low–high unit" over the runs; frame rates also say the interval at the median. */
export function formatRange(values: readonly number[], unit: Row['unit']): string {
  if (values.length === 0) return '—';
  const texts = values.map((value) => formatOne(value, unit));
  const numbers = texts.map(Number);
  const low = texts[numbers.indexOf(Math.min(...numbers))];
  const high = texts[numbers.indexOf(Math.max(...numbers))];
  const range = low === high ? low : `${low}–${high}`;
  const interval = unit === 'fps' ? ` (${median(values).toFixed(1)} ms)` : '';
  return `${range}${UNIT_LABEL[unit]}${interval}`;
}

interface Line {
  readonly metric: string;
  readonly goal: string;
  readonly strata: string;
  readonly baseline: string;
}

export function lines(results: Results, measurements: readonly Measurement[], sizes: readonly number[]): Line[] {
  const all: Line[] = [];
  for (const size of sizes) {
    for (const measurement of measurements) {
      if (measurement.sizes && !measurement.sizes.includes(size)) continue;
      for (const row of measurement.rows(size)) {
        const cell = (side: Side) =>
          measurement.sides && !measurement.sides.includes(side) ? 'n/a' : formatRange(results.get(size, side, row.key), row.unit);
        all.push({ metric: row.metric, goal: row.goal, strata: cell('strata'), baseline: cell('baseline') });
      }
    }
    all.push(heapShare(results, size));
  }
  if (sizes.includes(1_000) && sizes.includes(10_000)) all.push(dragGrowth(results, 'dragMainMs'), dragGrowth(results, 'dragCpuMs'));
  return all;
}

/** Main thread per drag frame at 10,000 nodes over that at 1,000, both at 100 % in the middle. */
function dragGrowth(results: Results, key: string): Line {
  const growth = (side: Side) => {
    const ratio = median(results.get(10_000, side, key)) / median(results.get(1_000, side, key));
    return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—';
  };
  const what = key === 'dragCpuMs' ? 'main-thread CPU' : 'main thread';
  return { metric: `drag at 100 %: ${what} per frame, 10,000 ÷ 1,000 nodes (medians)`, goal: '≤ 1.5×', strata: growth('strata'), baseline: growth('baseline') };
}

function heapShare(results: Results, size: number): Line {
  const share = median(results.get(size, 'strata', 'heapMb')) / median(results.get(size, 'baseline', 'heapMb'));
  return {
    metric: `JS heap after opening ${size.toLocaleString('en')} nodes: Strata ÷ baseline (medians)`,
    goal: '≤ 0.5×',
    strata: Number.isFinite(share) ? `${share.toFixed(2)}×` : '—',
    baseline: '',
  };
}

export function table(all: readonly Line[]): string {
  const header: Line = { metric: 'metric', goal: 'goal', strata: 'Strata', baseline: 'React Flow defaults' };
  const rows = [header, ...all];
  const keys = ['metric', 'goal', 'strata', 'baseline'] as const;
  const width = (key: keyof Line) => Math.max(...rows.map((row) => row[key].length));
  const line = (row: Line) => `| ${keys.map((key) => row[key].padEnd(width(key))).join(' | ')} |`;
  const rule = `|${keys.map((key) => '-'.repeat(width(key) + 2)).join('|')}|`;
  return [line(header), rule, ...all.map(line)].join('\n');
}
