import { describe, expect, test } from 'vitest';
import { fitLine, fitSource } from './split';

const long = (n: number): string => 'x'.repeat(n);

describe('fitLine splits as ruff format does', () => {
  test('a short line stays', () => {
    expect(fitLine('x = f(a, b)')).toEqual(['x = f(a, b)']);
  });

  test('a call: its arguments on one indented line when they fit', () => {
    const line = `${long(40)}_router = APIRouter(prefix="/${long(20)}", tags=["${long(20)}"])`;
    expect(fitLine(line)).toEqual([`${long(40)}_router = APIRouter(`, `    prefix="/${long(20)}", tags=["${long(20)}"]`, ')']);
  });

  test('a value without brackets goes into parentheses', () => {
    const line = `        self._${long(40)} = ${long(40)}`;
    expect(fitLine(line)).toEqual([`        self._${long(40)} = (`, `            ${long(40)}`, '        )']);
  });

  test('a call chain: one line inside parentheses, else one call per line', () => {
    const name = `Order${long(30)}`;
    expect(fitLine(`        query = select(${name}).order_by(${name}.id).offset(offset).limit(limit)`)).toEqual([
      '        query = (',
      `            select(${name})`,
      `            .order_by(${name}.id)`,
      '            .offset(offset)',
      '            .limit(limit)',
      '        )',
    ]);
  });

  test('a lone parameter of a split def keeps a trailing comma', () => {
    const line = `def ${long(50)}(session: AsyncSession) -> ${long(30)}:`;
    expect(fitLine(line)).toEqual([`def ${long(50)}(`, '    session: AsyncSession,', `) -> ${long(30)}:`]);
  });

  test('lines of a construct already split, comments and docstrings are left alone', () => {
    const opened = `    item = wiring.${long(50)}(defer).${long(40)}(`;
    expect(fitLine(opened)).toEqual([opened]);
    const source = `"""${long(100)}"""\n# ${long(100)}`;
    expect(fitSource(source)).toBe(source);
  });
});
