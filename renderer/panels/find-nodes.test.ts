import { describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { findNodes } from './find-nodes';

describe('findNodes', () => {
  const names = (query: string) => findNodes(SAMPLE_DIAGRAM.nodes, query).map((node) => node.name);

  it('matches a substring of the name, ignoring case, names starting with it first', () => {
    expect(names('REPO')).toEqual(['order_repository']);
    expect(names('ord')).toEqual(['orders', 'order_service', 'order_repository', 'order']);
    expect(names('service')).toEqual(['order_service']);
  });

  it('finds nothing for a blank query or an unknown name', () => {
    expect(names('  ')).toEqual([]);
    expect(names('payment')).toEqual([]);
  });
});
