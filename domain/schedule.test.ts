import { describe, expect, it } from 'vitest';
import { parseSchedule } from './schedule';
import { parseDiagram } from './parse';
import { serializeDiagram } from './serialize';

describe('parseSchedule', () => {
  it('reads names, intervals, seconds and cron expressions', () => {
    expect(parseSchedule(undefined)).toEqual({ value: '0 3 * * *', text: 'nightly' });
    expect(parseSchedule('  ')).toEqual({ value: '0 3 * * *', text: 'nightly' });
    expect(parseSchedule('Hourly')).toEqual({ value: '0 * * * *', text: 'hourly' });
    expect(parseSchedule('every 15 minutes')?.value).toBe('900');
    expect(parseSchedule('every 6 hours')?.value).toBe('21600');
    expect(parseSchedule('every 1 second')?.value).toBe('1');
    expect(parseSchedule('300')?.value).toBe('300');
    expect(parseSchedule('*/15 0-6 1,15 * 1-5')?.value).toBe('*/15 0-6 1,15 * 1-5');
    expect(parseSchedule('0 9 * * 1-5')?.value).toBe('0 9 * * 1-5');
  });

  it('refuses what a scheduler could not run', () => {
    for (const text of ['sometimes', 'every 0 minutes', '0', '61 * * * *', '* 24 * * *', '5-1 * * * *', '*/0 * * * *', '* * * *', 'every 3 weeks', 'every -3 seconds', '* * *']) {
      expect(parseSchedule(text), text).toBeUndefined();
    }
  });
});

describe('the schedule and resource keys in a file', () => {
  const file = (nodes: unknown[]): string => JSON.stringify({ format: 'strata', version: 1, project: { name: 'x' }, nodes, edges: [] });
  const at = { x: 0, y: 0 };

  it('are read on the kind they belong to and written back', () => {
    const text = file([
      { id: 's', kind: 'scheduler', name: 'sweep', position: at, schedule: 'every 5 minutes' },
      { id: 'r', kind: 'router', name: 'orders', position: at, resource: 'm' },
    ]);
    const result = parseDiagram(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.diagram.nodes.map((n) => [n.schedule, n.resource, n.extra])).toEqual([['every 5 minutes', undefined, undefined], [undefined, 'm', undefined]]);
    expect(JSON.parse(serializeDiagram(result.diagram)).nodes).toEqual(JSON.parse(text).nodes);
  });

  it('stay unknown keys, kept as they are, on another kind', () => {
    const text = file([{ id: 'w', kind: 'worker', name: 'w', position: at, schedule: 42, resource: { any: 1 } }]);
    const result = parseDiagram(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.diagram.nodes[0]!.schedule).toBeUndefined();
    expect(result.diagram.nodes[0]!.extra).toEqual({ schedule: 42, resource: { any: 1 } });
    expect(JSON.parse(serializeDiagram(result.diagram)).nodes).toEqual(JSON.parse(text).nodes);
  });

  it('must be text on their own kind', () => {
    const result = parseDiagram(file([{ id: 's', kind: 'scheduler', name: 'sweep', position: at, schedule: 3 }]));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['$.nodes[0].schedule']);
  });
});
