/** The 200-component diagram the export benchmark generates and zips. */
import type { Diagram, DiagramEdge, DiagramNode, Kind } from '../../domain/diagram';

/** 28 features of router → service → repository → model, plus shared infrastructure: 200 components. */
export function benchDiagram(): Diagram {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const add = (id: string, kind: Kind, name: string, feature?: string, engine?: DiagramNode['engine']) =>
    nodes.push({ id, kind, name, position: { x: nodes.length * 10, y: 0 }, ...(feature && { feature }), ...(engine && { engine }) });
  const link = (source: string, target: string) => edges.push({ id: `e${edges.length + 1}`, source, target });
  add('db', 'database', 'db', undefined, 'postgres');
  add('mq', 'broker', 'broker', undefined, 'redis');
  add('cache', 'cache', 'cache', undefined, 'redis');
  add('crm', 'external', 'crm');
  for (let f = 0; f < 28; f++) {
    const feature = `feature_${f}`;
    const kinds: [string, Kind][] = [['r', 'router'], ['s', 'service'], ['p', 'repository'], ['m', 'model'], ['w', 'worker'], ['x', 'service'], ['y', 'model']];
    for (const [prefix, kind] of kinds) add(`${prefix}${f}`, kind, `${kind}_${prefix}_${f}`, feature);
    link(`r${f}`, `s${f}`);
    link(`r${f}`, `w${f}`);
    link(`s${f}`, `p${f}`);
    link(`s${f}`, `x${f}`);
    link(`x${f}`, 'crm');
    link(`p${f}`, `m${f}`);
    link(`p${f}`, `y${f}`);
    link(`p${f}`, 'db');
    link(`w${f}`, 'mq');
    link(`w${f}`, `s${f}`);
  }
  return { version: 1, project: { name: 'bench', framework: 'fastapi', tasks: 'celery', layout: 'feature' }, nodes, edges };
}
