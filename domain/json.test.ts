import { describe, expect, it } from 'vitest';
import { childPath, findForbiddenKey } from './json';

describe('findForbiddenKey', () => {
  it('names the path of a prototype key, in brackets where a key is not a plain name', () => {
    expect(findForbiddenKey({ nodes: [{ position: { prototype: 1 } }] })).toBe('$.nodes[0].position.prototype');
    expect(findForbiddenKey(JSON.parse('{"a": {"": {"__proto__": 1}}}'))).toBe('$.a[""].__proto__');
    expect(findForbiddenKey({ 'two words': { 'x.y': { constructor: 1 } } })).toBe('$["two words"]["x.y"].constructor');
    expect(findForbiddenKey({ nodes: [{ name: 'prototype' }] })).toBeUndefined();
  });

  it('writes child paths as JSON paths', () => {
    expect(childPath('$', 'nodes')).toBe('$.nodes');
    expect(childPath('$', '')).toBe('$[""]');
    expect(childPath('$', 'say "hi"')).toBe('$["say \\"hi\\""]');
  });
});
