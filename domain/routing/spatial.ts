/** A uniform grid of boxes for "which boxes are near here" questions, each costing a few cells. */
import type { Box } from './geometry';

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
