/** A uniform grid of boxes for "which boxes are near here" questions, each costing a few cells. */
import type { Box } from './geometry';

const CELL = 256;

export class BoxIndex<T extends Box> {
  private readonly cells = new Map<number, T[]>();

  constructor(boxes: Iterable<T>) {
    for (const box of boxes) this.insert(box);
  }

  insert(box: T): void {
    this.eachCell(box.x, box.y, box.x + box.width, box.y + box.height, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    });
  }

  /** Boxes whose area meets the rectangle (borders touching count), each once. */
  search(left: number, top: number, right: number, bottom: number): T[] {
    const found = new Set<T>();
    this.eachCell(left, top, right, bottom, (key) => {
      for (const box of this.cells.get(key) ?? []) {
        if (box.x <= right && box.x + box.width >= left && box.y <= bottom && box.y + box.height >= top) found.add(box);
      }
    });
    return [...found];
  }

  /** True when some box holds the point strictly inside. */
  blocks(x: number, y: number): boolean {
    for (const box of this.cells.get(keyOf(Math.floor(x / CELL), Math.floor(y / CELL))) ?? []) {
      if (x > box.x + 1e-6 && x < box.x + box.width - 1e-6 && y > box.y + 1e-6 && y < box.y + box.height - 1e-6) return true;
    }
    return false;
  }

  private eachCell(left: number, top: number, right: number, bottom: number, visit: (key: number) => void): void {
    const [x0, x1, y0, y1] = [Math.floor(left / CELL), Math.floor(right / CELL), Math.floor(top / CELL), Math.floor(bottom / CELL)];
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(keyOf(cx, cy));
  }
}

/** Cells as one number: diagrams stay well inside ±2^20 cells. */
function keyOf(cx: number, cy: number): number {
  return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
}
