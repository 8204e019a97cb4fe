import { describe, expect, test } from 'vitest';
import { pluralOf, singularOf } from './words';

describe('plurals by English rules', () => {
  test.each([
    ['order', 'orders'],
    ['customer_address_history_entry', 'customer_address_history_entries'],
    ['person', 'people'],
    ['stock_level', 'stock_levels'],
    ['status', 'statuses'],
    ['box', 'boxes'],
    ['news', 'news_list'],
    ['equipment', 'equipment_list'],
    ['class_', 'classes'],
    ['item_2', 'item_2_list'],
  ])('%s → %s', (singular, plural) => expect(pluralOf(singular)).toBe(plural));

  test.each([
    ['members', 'member'],
    ['order_histories', 'order_history'],
    ['stock', 'stock'],
    ['people', 'person'],
    ['orders_', 'order'],
  ])('singular of %s is %s', (plural, singular) => expect(singularOf(plural)).toBe(singular));

  test('a plural never equals its singular, so list and item names differ', () => {
    for (const word of ['sheep', 'fish', 'series', 'data', 'information', 'a', 'x1']) expect(pluralOf(word)).not.toBe(word);
  });
});
