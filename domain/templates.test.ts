import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram } from './diagram';
import { generate } from './generate';
import { validate } from './rules';
import { serializeDiagram } from './serialize';
import { parseDiagram } from './parse';
import { TEMPLATES } from './templates';

const diagramOf = (template: (typeof TEMPLATES)[number]): Diagram => ({
  ...emptyDiagram({ ...template.project }),
  nodes: template.nodes,
  edges: template.edges,
});

describe('templates', () => {
  it.each(TEMPLATES.map((template) => [template.label, template] as const))('%s is clean under the rules, a valid file and exports', (_label, template) => {
    const diagram = diagramOf(template);
    expect(validate(diagram)).toEqual([]);
    expect(parseDiagram(serializeDiagram(diagram)).ok).toBe(true);
    const result = generate(diagram);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.layout.layout).toBe(template.project.layout);
  });

  it('cover the guide’s layouts and its Django + Celery shape', () => {
    expect(TEMPLATES.map((template) => template.project.layout)).toEqual(['flat', 'feature', 'layered', 'layered']);
    expect(TEMPLATES.some((template) => template.project.framework === 'django' && template.project.tasks === 'celery')).toBe(true);
  });
});
