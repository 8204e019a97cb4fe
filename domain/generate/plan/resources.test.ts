import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagram, DiagramNode, Kind } from '../../diagram';
import { emptyDiagram } from '../../diagram';
import { parseDiagram } from '../../parse';
import { buildPlan } from './plan';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

function example(name: string): Diagram {
  const parsed = parseDiagram(readFileSync(join(EXAMPLES, `${name}.strata`), 'utf8'));
  if (!parsed.ok) throw new Error(name);
  return parsed.diagram;
}

const plan = (d: Diagram) => buildPlan(d, { framework: d.project.framework, tasks: d.project.tasks, layout: d.project.layout });

function diagram(nodes: Array<[string, Kind, string, Partial<DiagramNode>?]>, edges: Array<[string, string]>): Diagram {
  return {
    ...emptyDiagram({ name: 'library', tasks: 'celery' }),
    nodes: nodes.map(([id, kind, name, more]) => ({ id, kind, name, position: { x: 0, y: 0 }, ...more })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

describe('what a router serves', () => {
  test('shop: orders serves Order at its prefix and Customer (reached, owned by none) nested', () => {
    const [orders] = plan(example('shop')).routers;
    expect(orders!.own?.label).toBe('Order');
    expect(orders!.resources.map((r) => [r.model.label, r.path, r.own])).toEqual([
      ['Order', '', true],
      ['Customer', '/customers', false],
    ]);
    expect(orders!.actions.map((a) => a.path)).toEqual(['/{id}/send-confirmation']);
  });

  test('drawn endpoints decide which operations of the own model exist', () => {
    const [posts] = plan(example('blog')).routers;
    expect([...posts!.resources[0]!.operations].sort()).toEqual(['create', 'delete', 'get', 'list']);
  });

  test('a model some router owns is served by that router only', () => {
    const d = diagram(
      [['r1', 'router', 'members'], ['r2', 'router', 'loans'], ['s1', 'service', 'loan service'], ['s2', 'service', 'member service'], ['p1', 'repository', 'loan repository'], ['p2', 'repository', 'member repository'], ['m1', 'model', 'loan'], ['m2', 'model', 'member']],
      [['r1', 's1'], ['r1', 's2'], ['r2', 's1'], ['s1', 'p1'], ['s2', 'p2'], ['p1', 'm1'], ['p2', 'm2']],
    );
    const [members, loans] = plan(d).routers;
    expect(members!.own?.label).toBe('member');
    expect(members!.resources.map((r) => r.model.label)).toEqual(['member']);
    expect(loans!.own?.label).toBe('loan');
  });

  test('the resource key picks the own model; without reached models a router has none', () => {
    const d = diagram(
      [['r1', 'router', 'admin', { resource: 'm2' }], ['r2', 'router', 'jobs'], ['w1', 'worker', 'mailer', { tasks: [{ name: 'send mail' }] }], ['p1', 'repository', 'repo'], ['m1', 'model', 'a'], ['m2', 'model', 'b']],
      [['r1', 'p1'], ['p1', 'm1'], ['p1', 'm2'], ['r2', 'w1']],
    );
    const [admin, jobs] = plan(d).routers;
    expect(admin!.own?.label).toBe('b');
    expect(admin!.resources.map((r) => r.path)).toEqual(['', '/as']);
    expect(jobs!.own).toBeUndefined();
    expect(jobs!.actions.map((a) => a.path)).toEqual(['/send-mail/{id}']);
  });

  test('the first model of the first repository of the first service, when no name matches', () => {
    const [, stock] = plan(example('inventory')).routers;
    expect(stock!.own?.label).toBe('stock level');
  });
});

describe('schedulers', () => {
  test('a scheduler reads its schedule key, with a setting named after it', () => {
    const d = diagram([['c1', 'scheduler', 'nightly sweep', { schedule: 'every 15 minutes' }], ['c2', 'scheduler', 'daily']], []);
    const [first, second] = plan(d).schedulers;
    expect([first!.schedule.value, first!.scheduleSetting]).toEqual(['900', 'NIGHTLY_SWEEP_SCHEDULE']);
    expect(second!.schedule.value).toBe('0 3 * * *');
  });
});
