/**
 * What the exported tests share: a sample value per field type (as JSON the API takes, as it
 * writes it back, as Python for the ORM, and one it refuses), and a test function's shape.
 */
import type { FieldType } from '../../diagram';
import { from, indent, str, wrap, wrapCollection, type PyImport } from '../python/py';
import type { DjangoField, DjangoModel } from './fields';

/** A JSON value the API accepts for each type, and the same value as the API writes it back. */
export const SAMPLE: Readonly<Record<FieldType, { readonly json: string; readonly changed: string; readonly py: string; readonly bad?: string }>> = {
  str: { json: '"sample"', changed: '"changed"', py: '"sample"', bad: '"x" * 300' },
  text: { json: '"Some longer text."', changed: '"Other text."', py: '"Some longer text."', bad: '["not", "text"]' },
  int: { json: '7', changed: '8', py: '7', bad: '"seven"' },
  float: { json: '1.5', changed: '2.5', py: '1.5', bad: '"a lot"' },
  decimal: { json: '"9.99"', changed: '"10.50"', py: 'Decimal("9.99")', bad: '"cheap"' },
  bool: { json: 'True', changed: 'False', py: 'True', bad: '"maybe"' },
  date: { json: '"2024-01-02"', changed: '"2024-02-03"', py: 'date(2024, 1, 2)', bad: '"not a date"' },
  datetime: { json: '"2024-01-02T03:04:05Z"', changed: '"2024-02-03T04:05:06Z"', py: 'datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)', bad: '"2024-01-02T03:04:05"' },
  uuid: { json: '"12345678-1234-5678-1234-567812345678"', changed: '"87654321-4321-8765-4321-876543218765"', py: 'UUID("12345678-1234-5678-1234-567812345678")', bad: '"not-a-uuid"' },
  json: { json: '{"key": "value"}', changed: '{"key": "other"}', py: '{"key": "value"}' },
};

const PY_IMPORTS: Partial<Record<FieldType, readonly [string, string]>> = {
  decimal: ['decimal', 'Decimal'],
  date: ['datetime', 'date'],
  datetime: ['datetime', 'UTC'],
  uuid: ['uuid', 'UUID'],
};

export const writable = (m: DjangoModel): DjangoField[] => m.fields.filter((f) => !f.auto);
export const constName = (m: DjangoModel): string => m.snake.replace(/_+$/, '').toUpperCase();

export function payload(m: DjangoModel): string {
  return wrapCollection(`${constName(m)} = {`, writable(m).map((f) => `${str(f.attr)}: ${SAMPLE[f.type].json}`), '}');
}

/** Keyword arguments that create a row straight through the ORM. */
export function ormValues(m: DjangoModel, imports: PyImport[]): string[] {
  return writable(m).map((f) => {
    const imp = PY_IMPORTS[f.type];
    if (imp) imports.push(from(imp[0], imp[1]));
    if (f.type === 'datetime') imports.push(from('datetime', 'datetime'));
    return `${f.attr}=${SAMPLE[f.type].py}`;
  });
}

/** A test function: its signature as the formatter splits it, and its body. */
export function testFn(name: string, params: readonly string[], body: readonly string[], decorator = ''): string {
  return `${decorator}${wrap(`def ${name}(`, params, ') -> None:')}\n${indent(body.join('\n'))}`;
}
