import { describe, expect, it } from 'vitest';
import { alignBoxes, distributeBoxes, guideTargets, snapBox, type Box } from './align';

const box = (id: string, x: number, y: number, width = 180, height = 52): Box => ({ id, x, y, width, height });

describe('alignBoxes', () => {
  const boxes = [box('a', 0, 0), box('b', 40, 100, 100), box('c', 300, 220)];

  it('lines boxes up on the outermost edge and leaves the one already there', () => {
    expect(alignBoxes(boxes, 'left')).toEqual(new Map([['b', { x: 0, y: 100 }], ['c', { x: 0, y: 220 }]]));
    expect(alignBoxes(boxes, 'right')).toEqual(new Map([['a', { x: 300, y: 0 }], ['b', { x: 380, y: 100 }]]));
    expect(alignBoxes(boxes, 'bottom').get('a')).toEqual({ x: 0, y: 220 });
  });

  it('centres on the middle of the common bounds, whatever each box’s size', () => {
    const moved = alignBoxes(boxes, 'centre');
    // Bounds 0…480, middle 240: a 180-wide box starts at 150, a 100-wide one at 190.
    expect(moved.get('a')).toEqual({ x: 150, y: 0 });
    expect(moved.get('b')).toEqual({ x: 190, y: 100 });
    expect(alignBoxes(boxes, 'middle').get('b')).toEqual({ x: 40, y: 110 });
  });

  it('does nothing for a single box', () => {
    expect(alignBoxes([box('a', 5, 5)], 'left').size).toBe(0);
  });
});

describe('distributeBoxes', () => {
  it('leaves equal gaps in the present order, the outer boxes staying put', () => {
    const moved = distributeBoxes([box('c', 600, 0), box('a', 0, 0), box('b', 100, 10, 100)], 'x');
    // Room 0…780, boxes 180 + 100 + 180 wide: two gaps of 160.
    expect(moved).toEqual(new Map([['b', { x: 340, y: 10 }]]));
  });

  it('needs three boxes', () => {
    expect(distributeBoxes([box('a', 0, 0), box('b', 0, 500)], 'y').size).toBe(0);
  });
});

describe('snapBox', () => {
  const targets = guideTargets([box('still', 100, 0), box('low', 400, 300)]);

  it('moves a box within reach onto the nearest edge or middle and draws the shared line', () => {
    const snap = snapBox(box('m', 104, 200), targets, 6);
    expect(snap).toMatchObject({ dx: -4, dy: 0 });
    expect(snap.guides).toContainEqual({ axis: 'x', at: 100, from: 0, to: 252 });
  });

  it('snaps on both axes at once, to middles as well as edges', () => {
    // 3 left of and 1 below a box of its size: it lands on it, sharing all three lines on each axis.
    const snap = snapBox(box('m', 397, 301), targets, 6);
    expect(snap).toMatchObject({ dx: 3, dy: -1 });
    expect(snap.guides.map((guide) => guide.axis).sort()).toEqual(['x', 'x', 'x', 'y', 'y', 'y']);
  });

  it('leaves a box with nothing near where it is, with no guide', () => {
    expect(snapBox(box('m', 250, 150), targets, 6)).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});
