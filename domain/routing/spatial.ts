/** A uniform grid of boxes for "which boxes are near here" questions, each costing a few cells. */
import type { Box, Point } from './geometry';

const CELL = 256;

export class BoxIndex<T extends Box> {
  private readonly boxes: T[] = [];
  private readonly cells = new Map<number, number[]>();
  /** The query that last saw each box, so a box in several cells is reported once, with no set. */
  private seen = new Int32Array(64);
  private query = 0;

  constructor(boxes: Iterable<T>) {
    for (const box of boxes) this.insert(box);
  }

  insert(box: T): void {
    const index = this.boxes.length;
    this.boxes.push(box);
    if (index >= this.seen.length) {
      const grown = new Int32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    const [x0, x1, y0, y1] = cellsOf(box.x, box.y, box.x + box.width, box.y + box.height);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = keyOf(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(index);
        else this.cells.set(key, [index]);
      }
    }
  }

  /** Boxes whose area meets the rectangle (borders touching count), each once. */
  search(left: number, top: number, right: number, bottom: number): T[] {
    const found: T[] = [];
    const query = ++this.query;
    const [x0, x1, y0, y1] = cellsOf(left, top, right, bottom);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(keyOf(cx, cy));
        if (!list) continue;
        for (const index of list) {
          if (this.seen[index] === query) continue;
          this.seen[index] = query;
          const box = this.boxes[index];
          if (box.x <= right && box.x + box.width >= left && box.y <= bottom && box.y + box.height >= top) found.push(box);
        }
      }
    }
    return found;
  }

  /** True when some box holds the point strictly inside. */
  blocks(x: number, y: number): boolean {
    const list = this.cells.get(keyOf(Math.floor(x / CELL), Math.floor(y / CELL)));
    if (!list) return false;
    for (const index of list) {
      const box = this.boxes[index];
      if (x > box.x + 1e-6 && x < box.x + box.width - 1e-6 && y > box.y + 1e-6 && y < box.y + box.height - 1e-6) return true;
    }
    return false;
  }
}

function cellsOf(left: number, top: number, right: number, bottom: number): [number, number, number, number] {
  return [Math.floor(left / CELL), Math.floor(right / CELL), Math.floor(top / CELL), Math.floor(bottom / CELL)];
}

/** Cells as one number: diagrams stay well inside ±2^20 cells. */
function keyOf(cx: number, cy: number): number {
  return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
}

/** What the search and the nudging ask of a set of obstacles. */
export interface Obstacles {
  /** Boxes whose area meets the rectangle (borders touching count), each once. */
  search(left: number, top: number, right: number, bottom: number): Box[];
}

/**
 * The nodes' boxes by id, changed in place as nodes move (a drag changes a few boxes of
 * thousands, and rebuilding an index of all of them per step made each step cost the diagram).
 * Views grow every box by a clearance at query time, so one index serves every clearance.
 */
export class NodeBoxes {
  private readonly slots: (Box | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly cells = new Map<number, number[]>();
  private seen = new Int32Array(64);
  private query = 0;
  /** Each slot's box grown by a clearance, by clearance: made once, not on every search that meets it. */
  private readonly grown = new Map<number, (Box | undefined)[]>();

  get(id: string): Box | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  set(id: string, box: Box): void {
    this.delete(id);
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = box;
    this.slotOf.set(id, slot);
    for (const grown of this.grown.values()) grown[slot] = undefined;
    if (slot >= this.seen.length) {
      const grown = new Int32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    forEachCell(box, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(slot);
      else this.cells.set(key, [slot]);
    });
  }

  delete(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    forEachCell(this.slots[slot]!, (key) => {
      const list = this.cells.get(key)!;
      list.splice(list.indexOf(slot), 1);
      if (list.length === 0) this.cells.delete(key);
    });
    this.slots[slot] = undefined;
    this.slotOf.delete(id);
    this.free.push(slot);
  }

  /** The boxes grown by `by` on every side, as obstacles. */
  grownBy(by: number): Obstacles {
    let grown = this.grown.get(by);
    if (!grown) this.grown.set(by, (grown = []));
    const cache = grown;
    return { search: (left, top, right, bottom) => this.searchGrown(left - by, top - by, right + by, bottom + by, by, cache) };
  }

  private searchGrown(left: number, top: number, right: number, bottom: number, by: number, grown: (Box | undefined)[]): Box[] {
    const found: Box[] = [];
    const query = ++this.query;
    const [x0, x1, y0, y1] = cellsOf(left, top, right, bottom);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(keyOf(cx, cy));
        if (!list) continue;
        for (const slot of list) {
          if (this.seen[slot] === query) continue;
          this.seen[slot] = query;
          const box = this.slots[slot]!;
          if (box.x <= right && box.x + box.width >= left && box.y <= bottom && box.y + box.height >= top) {
            found.push((grown[slot] ??= { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by }));
          }
        }
      }
    }
    return found;
  }
}

function forEachCell(box: Box, visit: (key: number) => void): void {
  const [x0, x1, y0, y1] = cellsOf(box.x, box.y, box.x + box.width, box.y + box.height);
  for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(keyOf(cx, cy));
}

/**
 * Routes by id, indexed by the cells their runs pass through: which routes run near a place,
 * asked after a move to find the routes it blocks, frees or crowds.
 */
export class RouteIndex {
  private readonly routes = new Map<string, readonly Point[]>();
  private readonly cells = new Map<number, Set<string>>();
  /** A number per route id, so a run is named by a number (route × 4096 + run) rather than a string. */
  private readonly serials = new Map<string, number>();

  set(id: string, points: readonly Point[]): void {
    this.delete(id);
    this.routes.set(id, points);
    if (!this.serials.has(id)) this.serials.set(id, this.serials.size);
    forEachRunCell(points, (key) => {
      const set = this.cells.get(key);
      if (set) set.add(id);
      else this.cells.set(key, new Set([id]));
    });
  }

  delete(id: string): void {
    const points = this.routes.get(id);
    if (!points) return;
    forEachRunCell(points, (key) => {
      const set = this.cells.get(key);
      if (!set) return;
      set.delete(id);
      if (set.size === 0) this.cells.delete(key);
    });
    this.routes.delete(id);
  }

  /** Horizontal (or vertical) runs of routes that meet the rectangle, each visited once per `seen`. */
  runsNear(left: number, top: number, right: number, bottom: number, horizontal: boolean, seen: Set<number>, visit: (id: string, a: Point, b: Point) => void): void {
    const [x0, x1, y0, y1] = cellsOf(left, top, right, bottom);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const ids = this.cells.get(keyOf(cx, cy));
        if (!ids) continue;
        for (const id of ids) {
          const points = this.routes.get(id)!;
          const serial = this.serials.get(id)! * 4096;
          for (let i = 1; i < points.length; i++) {
            const a = points[i - 1];
            const b = points[i];
            if ((Math.abs(a.y - b.y) < 1e-6) !== horizontal) continue;
            if (Math.min(a.x, b.x) > right || Math.max(a.x, b.x) < left || Math.min(a.y, b.y) > bottom || Math.max(a.y, b.y) < top) continue;
            if (seen.has(serial + i)) continue;
            seen.add(serial + i);
            visit(id, a, b);
          }
        }
      }
    }
  }

  /** Ids of routes with a run meeting the rectangle (borders touching count), added to `into`. */
  near(left: number, top: number, right: number, bottom: number, into: Set<string>): void {
    const [x0, x1, y0, y1] = cellsOf(left, top, right, bottom);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const id of this.cells.get(keyOf(cx, cy)) ?? []) {
          if (into.has(id)) continue;
          if (runsMeet(this.routes.get(id)!, left, top, right, bottom)) into.add(id);
        }
      }
    }
  }
}

function forEachRunCell(points: readonly Point[], visit: (key: number) => void): void {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const [x0, x1, y0, y1] = cellsOf(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(keyOf(cx, cy));
  }
}

function runsMeet(points: readonly Point[], left: number, top: number, right: number, bottom: number): boolean {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (Math.min(a.x, b.x) <= right && Math.max(a.x, b.x) >= left && Math.min(a.y, b.y) <= bottom && Math.max(a.y, b.y) >= top) return true;
  }
  return false;
}
