import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PYTHON_KEYWORDS } from '../../names';
import { isSafeFileStem, isSafeIdentifier, moduleRegistry, NameRegistry, packageName, pascalName, snakeName } from './naming';

const HOSTILE = [
  'class', 'import', 'match', 'case', 'type', '_', '__init__', 'con', 'NUL', 'aux', 'com1', 'LPT9', 'typing', 'json',
  'celery', 'fastapi', 'redis', 'sqlalchemy', 'Заказы', '注文', '🚀 rockets', '123 go', '  ', '---', 'a'.repeat(200),
  'Order Service', 'order-service', 'ORDER_SERVICE', 'None', 'True', 'self', 'id', 'ütf-8 näme', '\u0000nul\u0000',
  '"; import os; os.system("rm -rf /") #', '../../etc/passwd', 'C:\\Windows', 'new\nline', 'tab\there',
];

describe('snakeName', () => {
  test('follows pythonForm for ordinary names', () => {
    expect(snakeName('Order Service', 'service')).toBe('order_service');
    expect(snakeName('order-service', 'service')).toBe('order_service');
  });

  test('never gives a keyword, soft keyword, device name or leading digit', () => {
    expect(snakeName('class', 'x')).toBe('class_');
    expect(snakeName('match', 'x')).toBe('match_');
    expect(snakeName('type', 'x')).toBe('type_');
    expect(snakeName('con', 'x')).toBe('con_');
    expect(snakeName('COM1', 'x')).toBe('com1_');
    expect(snakeName('3d models', 'x')).toBe('n3d_models');
  });

  test('gives a stable fallback for names with no Latin letters', () => {
    const a = snakeName('Заказы', 'service');
    expect(a).toMatch(/^service_[0-9a-z]{4}$/);
    expect(snakeName('Заказы', 'service')).toBe(a);
    expect(snakeName('注文', 'service')).not.toBe(a);
  });

  test('cuts long names and keeps them distinct with a hash', () => {
    const a = snakeName(`${'a'.repeat(60)}1`, 'x');
    const b = snakeName(`${'a'.repeat(60)}2`, 'x');
    expect(a.length).toBeLessThanOrEqual(40);
    expect(a).not.toBe(b);
  });

  test.each(HOSTILE)('%j becomes a safe identifier and file stem', (name) => {
    const snake = snakeName(name, 'service');
    expect(isSafeIdentifier(snake)).toBe(true);
    expect(isSafeFileStem(snake)).toBe(true);
    expect(isSafeIdentifier(pascalName(snake))).toBe(true);
  });
});

describe('packageName', () => {
  test('shadows neither the standard library nor a dependency', () => {
    expect(packageName('typing')).toBe('typing_app');
    expect(packageName('json')).toBe('json_app');
    expect(packageName('celery')).toBe('celery_app');
    expect(packageName('FastAPI')).toBe('fastapi_app');
    expect(packageName('redis')).toBe('redis_app');
    expect(packageName('My Shop')).toBe('my_shop');
    expect(packageName('')).toBe('project');
  });
});

describe('NameRegistry', () => {
  test('hands out unique names in first-seen order and remembers keys', () => {
    const registry = new NameRegistry(['app']);
    expect(registry.claim('a', 'app')).toBe('app_2');
    expect(registry.claim('b', 'orders')).toBe('orders');
    expect(registry.claim('c', 'orders')).toBe('orders_2');
    expect(registry.claim('b', 'whatever')).toBe('orders');
  });
});

/** Hostile strings: any unicode, keywords, device names, module names, separators. */
const hostileName = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(...HOSTILE, ...PYTHON_KEYWORDS),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(' ', '-', '.', '/', '\\', ''), fc.nat(99)).map(([a, sep, n]) => `${a}${sep}${n}`),
);

describe('property: hostile names', () => {
  test('1,000+ hostile names all become unique, safe identifiers and file stems', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { minLength: 1, maxLength: 40 }), (names) => {
        const registry = moduleRegistry();
        const seen = new Set<string>();
        names.forEach((name, i) => {
          const unique = registry.claim(String(i), snakeName(name, 'node'));
          expect(isSafeIdentifier(unique)).toBe(true);
          expect(isSafeFileStem(unique)).toBe(true);
          expect(seen.has(unique.toLowerCase())).toBe(false);
          seen.add(unique.toLowerCase());
          expect(isSafeIdentifier(pascalName(unique))).toBe(true);
        });
        expect(isSafeIdentifier(packageName(names[0]!))).toBe(true);
      }),
      { numRuns: 1_000, seed: 20261125 },
    );
  });
});
