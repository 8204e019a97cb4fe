/**
 * Portals into React Flow's layers, like its own <ViewportPortal> and <EdgeLabelRenderer>. Those
 * look their target up with a querySelector over the whole flow on every store update (every drag
 * frame, once per label or badge drawn); these look it up once per flow.
 */
import { useStore as useFlowStore } from '@xyflow/react';
import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

function FlowPortal({ layer, children }: { layer: string; children: ReactNode }) {
  const flow = useFlowStore((state) => state.domNode);
  const target = useMemo(() => flow?.querySelector(layer) ?? null, [flow, layer]);
  return target ? createPortal(children, target) : null;
}

/** Renders its children in React Flow's viewport, in canvas coordinates. */
export function ViewportLayer({ children }: { children: ReactNode }) {
  return <FlowPortal layer=".react-flow__viewport-portal">{children}</FlowPortal>;
}

/** Renders its children in React Flow's edge label layer, above the edges. */
export function EdgeLabelLayer({ children }: { children: ReactNode }) {
  return <FlowPortal layer=".react-flow__edgelabel-renderer">{children}</FlowPortal>;
}
