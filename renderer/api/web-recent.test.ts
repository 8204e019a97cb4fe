// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCopy, readCopy, recentCopies, rememberCopy } from './web-recent';

beforeEach(() => localStorage.clear());

describe('copies kept for Open Recent in the browser', () => {
  it('lists the newest first, one per name, at most five', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) rememberCopy(`${name}.strata`, `{"name":"${name}"}`);
    rememberCopy('c.strata', 'newer');
    const keys = recentCopies();
    expect(keys.map((key) => describeCopy(key)!.name)).toEqual(['c.strata', 'f.strata', 'e.strata', 'd.strata', 'b.strata']);
    expect(readCopy(keys[0]!)).toEqual({ name: 'c.strata', text: 'newer' });
  });

  it('keeps no copy too large for the browser’s storage, and tells copies from real paths', () => {
    rememberCopy('huge.strata', 'x'.repeat(2_000_000));
    expect(recentCopies()).toEqual([]);
    expect(describeCopy('/home/a/shop.strata')).toBeUndefined();
    expect(describeCopy('browser:0/shop.strata')).toMatchObject({ name: 'shop.strata', where: expect.stringContaining('kept in this browser') });
  });
});
