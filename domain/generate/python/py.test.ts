import { describe, expect, test } from 'vitest';
import { docText, from, naturalCompare, plain, pyModule, renderImports, wrap, wrapCollection } from './py';

describe('renderImports', () => {
  test('sections, straight imports first, names ordered by type, self-imports dropped', () => {
    const text = renderImports(
      [from('shop.models', 'Order'), plain('logging'), from('typing', 'Any', 'Annotated'), from('fastapi', 'status', 'APIRouter', 'HTTPException'), from('shop.routes', 'x'), plain('httpx'), from('collections.abc', 'Callable')],
      ['shop'],
      'shop.routes',
    );
    expect(text).toBe(
      ['import logging', 'from collections.abc import Callable', 'from typing import Annotated, Any', '', 'import httpx', 'from fastapi import APIRouter, HTTPException, status', '', 'from shop.models import Order'].join('\n'),
    );
  });

  test('modules and names in natural order, as ruff sorts them', () => {
    const modules = ['pkg.services.service_10', 'pkg.services.service_2', 'pkg.services.Service_3', 'pkg.service1', 'pkg.service.x'];
    const text = renderImports([...modules.map((m) => plain(m)), from('pkg.a', 'item_10', 'Item_2', 'ITEM_1', 'item_9', 'b as c', 'b as a')], ['pkg']);
    expect(text.split('\n')).toEqual([
      'import pkg.service.x',
      'import pkg.service1',
      'import pkg.services.service_2',
      'import pkg.services.Service_3',
      'import pkg.services.service_10',
      'from pkg.a import ITEM_1, Item_2, item_9, item_10',
      'from pkg.a import b as a',
      'from pkg.a import b as c',
    ]);
  });

  test('natural order compares digit runs as numbers, leading zeros as fractions', () => {
    const sorted = ['x10', 'x9', 'x09', 'x1', 'x', 'x_1', 'x.1', 'x001'].sort(naturalCompare);
    expect(sorted).toEqual(['x', 'x.1', 'x001', 'x09', 'x1', 'x9', 'x10', 'x_1']);
  });

  test('a long from-import is parenthesised, one name per line', () => {
    const names = Array.from({ length: 8 }, (_, i) => `SomeRatherLongName${i}`);
    expect(renderImports([from('pkg.module', ...names)], ['pkg'])).toBe(`from pkg.module import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`);
  });
});

describe('wrap', () => {
  test('one line when it fits', () => {
    expect(wrap('f(', ['a', 'b'], ')')).toBe('f(a, b)');
  });

  test('then all arguments on one indented line, without a trailing comma', () => {
    const args = ['a'.repeat(41), 'b'.repeat(41)];
    expect(wrap('call(', args, ')')).toBe(`call(\n    ${args.join(', ')}\n)`);
  });

  test('then one per line with a trailing comma', () => {
    const args = ['a'.repeat(50), 'b'.repeat(50)];
    expect(wrap('call(', args, ')')).toBe(`call(\n    ${args[0]},\n    ${args[1]},\n)`);
  });

  test('a lone parameter of a split def keeps a trailing comma', () => {
    const param = `x: ${'T'.repeat(90)}`;
    expect(wrap('def f(', [param], ') -> None:')).toBe(`def f(\n    ${param},\n) -> None:`);
  });

  test('collections split one item per line', () => {
    const items = ['"a"'.repeat(20), '"b"'.repeat(20)];
    expect(wrapCollection('X = [', items, ']')).toBe(`X = [\n    ${items[0]},\n    ${items[1]},\n]`);
  });
});

describe('docText and pyModule', () => {
  test('user text cannot end a docstring or a line', () => {
    expect(docText('a """ b \\ c\nd\u0000e')).toBe('a b c d e');
  });

  test('two blank lines before definitions, one trailing newline', () => {
    expect(pyModule({ doc: 'Doc.', imports: [plain('os')], firstParty: [], blocks: ['def f() -> None:\n    pass'] })).toBe('"""Doc."""\n\nimport os\n\n\ndef f() -> None:\n    pass\n');
  });
});
