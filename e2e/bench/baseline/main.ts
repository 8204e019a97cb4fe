/**
 * The benchmark's baseline: React Flow with its default settings, default nodes and edges and
 * its own stylesheet, showing the same graph as Strata, with none of Strata's optimisations.
 */
import { Background, Controls, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type Edge, type Node, type NodeChange, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Graph {
  readonly nodes: readonly { id: string; name: string; position: { x: number; y: number } }[];
  readonly edges: readonly { id: string; source: string; target: string }[];
}

const baseline: { load?: (graph: Graph) => void; setViewport?: (viewport: Viewport) => void; fitView?: () => void } = {};
(window as unknown as { baseline: typeof baseline }).baseline = baseline;

function Flow() {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const flow = useReactFlow();
  useEffect(() => {
    baseline.load = (graph) => {
      setNodes(graph.nodes.map((node) => ({ id: node.id, position: node.position, data: { label: node.name } })));
      setEdges(graph.edges.map((edge) => ({ ...edge })));
    };
    baseline.setViewport = (viewport) => void flow.setViewport(viewport);
    baseline.fitView = () => void flow.fitView();
  }, [flow]);
  return createElement(
    ReactFlow,
    { nodes, edges, onNodesChange: (changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)) },
    createElement(Background),
    createElement(Controls),
  );
}

createRoot(document.getElementById('root')!).render(createElement(ReactFlowProvider, null, createElement(Flow)));
