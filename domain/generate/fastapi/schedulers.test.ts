/**
 * RQ and Dramatiq schedulers: one module per scheduler node, run together by `schedulers/main.py`,
 * so that `strata check` of the export finds each drawn scheduler where it is drawn.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram, type DiagramNode, type TaskFramework } from '../../diagram';
import { loadPythonParser } from '../../../main/import/python-parser';
import { checkDrift, importProject, type PythonParser } from '../../import';
import { generate } from '../index';

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});

/** Two schedulers over two workers in two features, as a team that sweeps nightly and hourly draws them. */
function twoSchedulers(tasks: TaskFramework, layout: 'flat' | 'layered' | 'feature'): Diagram {
  const node = (id: string, kind: DiagramNode['kind'], name: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({ id, kind, name, position: { x: 0, y: 0 }, feature: 'billing', ...extra });
  return {
    ...emptyDiagram({ name: 'billing', framework: 'fastapi', tasks, layout }),
    nodes: [
      node('r', 'router', 'invoices'),
      node('s', 'service', 'invoice service'),
      node('p', 'repository', 'invoice repository'),
      node('m', 'model', 'invoice'),
      node('d', 'database', 'db', { engine: 'postgres' }),
      node('b', 'broker', 'queue', { engine: 'redis' }),
      node('w1', 'worker', 'mailer', { tasks: [{ name: 'send invoice' }] }),
      node('w2', 'worker', 'ledger', { tasks: [{ name: 'book invoice' }], feature: 'accounts' }),
      node('c1', 'scheduler', 'nightly'),
      node('c2', 'scheduler', 'hourly', { schedule: 'every hour', feature: 'accounts' }),
    ],
    edges: [
      ['r', 's'], ['s', 'p'], ['p', 'm'], ['p', 'd'], ['r', 'w1'], ['w1', 's'], ['w1', 'b'], ['w2', 's'], ['w2', 'b'],
      ['c1', 'w1'], ['c1', 'b'], ['c2', 'w2'], ['c2', 'b'],
    ].map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! })),
  };
}

function exported(diagram: Diagram): Map<string, string> {
  const result = generate(diagram);
  if (!result.ok) throw new Error(result.error.message);
  return new Map([...result.files].map(([path, text]) => [path.slice(result.root.length + 1), text]));
}

describe('FastAPI schedulers with RQ and Dramatiq', () => {
  for (const tasks of ['rq', 'dramatiq'] as const) {
    for (const layout of ['flat', 'layered', 'feature'] as const) {
      it(`${tasks}, ${layout}: each scheduler has its module, main.py runs them all, and strata check finds each where it is drawn`, () => {
        const diagram = twoSchedulers(tasks, layout);
        const files = exported(diagram);
        const at = (name: string): string => (layout === 'feature' ? `src/billing/${name === 'nightly' ? 'billing' : 'accounts'}/schedulers/${name}.py` : `src/billing/schedulers/${name}.py`);
        expect(files.get(at('nightly'))).toContain('"nightly: mailer.send_invoice"');
        expect(files.get(at('hourly'))).toContain('"hourly: ledger.book_invoice"');
        expect(files.get(at('nightly'))).not.toContain('ledger');
        expect(files.get('src/billing/schedulers/main.py')).toMatch(layout === 'feature' ? /from billing\.accounts\.schedulers import hourly\nfrom billing\.billing\.schedulers import nightly/ : /from billing\.schedulers import hourly, nightly/);
        const compose = files.get('docker-compose.yml')!;
        expect(compose).toContain(tasks === 'rq' ? '"rq", "cron", "billing.schedulers.main"' : '"python", "-m", "billing.schedulers.main"');
        const code = importProject({ files: [...files].map(([path, text]) => ({ path, text })), skipped: [], folderName: 'billing' }, parser).code;
        // The flat layout keeps both workers in one tasks.py, which the importer reads as one
        // worker: there only the schedulers themselves can be asked to be found.
        const drift = checkDrift(diagram, code).filter((f) => f.severity !== 'note' && (layout !== 'flat' || f.rule === 'undrawn-component'));
        expect(drift).toEqual([]);
      });
    }
  }
});
