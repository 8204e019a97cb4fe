import { describe, expect, test } from 'vitest';
import { parseSchedule } from './schedule';

describe('scheduler intervals', () => {
  test.each([
    [undefined, '0 3 * * *'],
    ['nightly', '0 3 * * *'],
    ['Hourly', '0 * * * *'],
    ['every 15 minutes', '900'],
    ['every 1 second', '1'],
    ['every 2 hours', '7200'],
    ['30', '30'],
    ['*/5 * * * *', '*/5 * * * *'],
    ['0 9 * * 1-5', '0 9 * * 1-5'],
  ])('%s → %s', (text, value) => expect(parseSchedule(text)?.value).toBe(value));

  test.each(['sometimes', 'every 0 minutes', '0', '* * *', 42, 'every -3 seconds'])('%s is refused', (text) => {
    expect(parseSchedule(text)).toBeUndefined();
  });
});
