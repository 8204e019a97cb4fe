/** The built-in sample the app opens on first start: a small shop. */
import { CURRENT_VERSION, type Diagram } from './diagram';

export const SAMPLE_DIAGRAM: Diagram = {
  version: CURRENT_VERSION,
  project: { name: 'shop', framework: 'fastapi', tasks: 'celery', layout: 'layered' },
  nodes: [
    { id: 'r1', kind: 'router', name: 'orders', position: { x: 0, y: 0 } },
    { id: 'w1', kind: 'worker', name: 'notifications', position: { x: 320, y: 0 } },
    { id: 's1', kind: 'service', name: 'order_service', position: { x: 0, y: 160 } },
    { id: 'p1', kind: 'repository', name: 'order_repository', position: { x: 0, y: 320 } },
    {
      id: 'm1',
      kind: 'model',
      name: 'order',
      position: { x: -170, y: 480 },
      fields: [
        { name: 'customer_email', type: 'str' },
        { name: 'total', type: 'decimal' },
        { name: 'created_at', type: 'datetime' },
      ],
    },
    { id: 'd1', kind: 'database', name: 'db', engine: 'postgres', position: { x: 170, y: 480 } },
    { id: 'b1', kind: 'broker', name: 'redis', engine: 'redis', position: { x: 440, y: 480 } },
  ],
  edges: [
    { id: 'e1', source: 'r1', target: 's1' },
    { id: 'e2', source: 's1', target: 'p1' },
    { id: 'e3', source: 'p1', target: 'm1' },
    { id: 'e4', source: 'p1', target: 'd1' },
    { id: 'e5', source: 'r1', target: 'w1' },
    { id: 'e6', source: 'w1', target: 'b1' },
    { id: 'e7', source: 'w1', target: 's1' },
  ],
};
