/**
 * The outline is only a speed-up: reading a file through its outline must give exactly what
 * reading the whole file gives — imports with their lines, definitions, syntax errors — for the
 * Python that trips tokenizers, for our own exports, and for the benchmark's tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchTree } from '../../main/import/bench-tree';
import { loadPythonParser } from '../../main/import/python-parser';
import { readModule, readWholeModule } from './facts';
import { outlineOf } from './outline';
import type { PythonParser } from './syntax';

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});

const never = () => false;

function expectSameFacts(text: string): void {
  expect(readModule(parser, text, never)).toEqual(readWholeModule(parser, text, never));
}

/** A long body without imports, so that the file is worth outlining. */
function filler(indent = '    '): string {
  return Array.from({ length: 40 }, (_, i) => `${indent}value_${i} = compute(${i}, "text {i}", [x for x in range(${i})])\n`).join('');
}
const FILLER = filler();
const DEEPER = filler('        ');

const TRICKY: Record<string, string> = {
  'imports in functions, under TYPE_CHECKING and try/except': `"""Docstring with import os inside."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shop.models import Order

try:
    import ujson as json
except ImportError:  # fallback
    import json
else:
    pass
finally:
    pass


class OrderService(Base, metaclass=Meta):
    def lazy(self):
${DEEPER}        if self.flag:
            from shop.repositories.orders import OrderRepository
            return OrderRepository
        return None

    def other(self):
${DEEPER}

@router.get("/orders")
async def list_orders(
    service: OrderService = Depends(),
) -> list[Order]:
${FILLER}    from shop.tasks import audit; audit.delay()
    return []
`,
  'strings that look like code': `TEMPLATE = """
import fake
def not_real():
    pass
"""
def f():
${FILLER}    s = 'import x'; t = "from y import z"
    u = f"{'import' + "a"} {x!r:>{width}} {{import}}"
    v = rb'\\d+' + Rb"import" + b"\\"import\\""
    w = (
        "a"
        # import commented
        "b"
    )
    x = 1 + \\
        2
    return s
`,
  'match, async, decorators in classes, nested blocks': `class A:
    @staticmethod
    def g():
${DEEPER}        match command:
            case ["go", direction]:
                import importlib
            case _:
                pass
        for i in range(3):
            while True:
                with open("f") as handle:
                    import os.path as p
                break
        else:
            pass
    async def h(self):
        async with lock:
            import asyncio
${DEEPER}
type Alias = list[int]
`,
  'python 2 code': `import os

def main():
${FILLER}    print "hello"
    exec "x = 1"
    return 0
`,
  'an unfinished file': `from shop import models

def handler(request):
${FILLER}    data = compute(
`,
  'an unterminated string': `import os

def handler():
${FILLER}    name = "unterminated
    return name
`,
  'a stray dedent': `import os

def handler():
${FILLER}    if x:
        deeper = 1
      odd = 2
    return odd
`,
  'tabs and a form feed': `import os\n\f\ndef handler():\n${FILLER.replaceAll('    ', '\t')}\tif x:\n\t\timport sys\n`,
  'windows line ends': `import os\r\n\r\ndef handler():\r\n${FILLER.replaceAll('\n', '\r\n')}    import sys\r\n    return sys\r\n`,
  'f-strings nested in the way of Python 3.12': `def f():\n${FILLER}    s = f"{f'{x:{"w"}}'}" + f"""{
        value
    }"""\n    import json\n`,
  'numbers and operators': `def f():\n${FILLER}    a = 1e-5 + 0x1E+1 + 1_000.5j - .5 @ m\n    b = a if a else 0xff\n    import json\n`,
  'a file without a final newline': `import os\ndef f():\n${FILLER}    import sys`,
};

describe('reading a file through its outline', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`gives what the whole file gives: ${name}`, () => expectSameFacts(text));
  }

  it('is used where it pays: a long body is left out, and its lines map back', () => {
    const text = TRICKY['imports in functions, under TYPE_CHECKING and try/except']!;
    const outline = outlineOf(text)!;
    expect(outline.text.length).toBeLessThan(text.length / 3);
    expect(outline.text).not.toContain('value_3');
    expect(outline.text).toContain('            from shop.repositories.orders import OrderRepository\n');
    const lines = text.split('\n');
    outline.text.split('\n').slice(0, -1).forEach((line, row) => {
      if (line.trim() !== 'pass') expect(lines[outline.rows[row]!]).toBe(line);
    });
  });

  it('reports what the whole file reports when the file is broken', () => {
    // (tree-sitter reads Python 2's print and exec statements without an error, as it should.)
    for (const name of ['an unfinished file', 'an unterminated string']) {
      const facts = readModule(parser, TRICKY[name]!, never);
      expect(facts.syntaxError, name).toBeDefined();
    }
  });

  it('gives what the whole file gives for every file of our golden exports and the benchmark tree', () => {
    const texts = [...pythonFilesUnder(join(import.meta.dirname, '..', 'generate', 'golden')), ...[...benchTree()].filter(([p]) => p.endsWith('.py')).map(([, t]) => t)];
    expect(texts.length).toBeGreaterThan(600);
    for (const text of texts) expectSameFacts(text);
  });
});

function pythonFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}
