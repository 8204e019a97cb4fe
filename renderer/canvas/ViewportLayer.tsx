/**
 * Renders its children in React Flow's viewport, in canvas coordinates, like React Flow's own
 * <ViewportPortal>. That one looks its target up with a querySelector over the whole flow on
 * every store update (every drag frame); this looks it up once per flow.
 */
import { useStore as useFlowStore } from '@xyflow/react';
import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function ViewportLayer({ children }: { children: ReactNode }) {
  const flow = useFlowStore((state) => state.domNode);
  const target = useMemo(() => flow?.querySelector('.react-flow__viewport-portal') ?? null, [flow]);
  return target ? createPortal(children, target) : null;
}
