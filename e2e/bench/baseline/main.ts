/**
 * The benchmark's baseline: React Flow with its default settings, default nodes and edges and its
 * own stylesheet, showing the same graph as Strata, with none of Strata's optimisations. A file
 * comes in as in Strata's web app: an Open… button, the browser's file chooser, read and parsed
 * in the page. Two departures from the defaults, both for the comparison's sake: the canvas is
 * sized like Strata's (`window.benchCanvas`, set by the benchmark), and minZoom is lowered so that the shared fit-all
 * viewport can be shown.
 */
import { Background, Controls, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type Edge, type Node, type NodeChange, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createElement, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';

interface Graph {
  readonly nodes: readonly { id: string; name: string; position: { x: number; y: number } }[];
  readonly edges: readonly { id: string; source: string; target: string; label?: string }[];
  /** The meeting's notes: default nodes showing their text, as React Flow would draw them. */
  readonly notes?: readonly { id: string; text: string; position: { x: number; y: number } }[];
}

const baseline: { setViewport?: (viewport: Viewport) => void } = {};
(window as unknown as { baseline: typeof baseline }).baseline = baseline;

const size = (window as unknown as { benchCanvas?: { width: number; height: number } }).benchCanvas ?? { width: 1000, height: 700 };
const canvasStyle = { width: `${size.width}px`, height: `${size.height}px` };

function Flow() {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const flow = useReactFlow();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    baseline.setViewport = (viewport) => void flow.setViewport(viewport);
  }, [flow]);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const graph = JSON.parse(await file.text()) as Graph;
    const notes = (graph.notes ?? []).map((note) => ({ id: note.id, position: note.position, data: { label: note.text } }));
    setNodes([...notes, ...graph.nodes.map((node) => ({ id: node.id, position: node.position, data: { label: node.name } }))]);
    setEdges(graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, ...(edge.label && { label: edge.label }) })));
  };
  return createElement(
    'div',
    null,
    createElement('button', { type: 'button', onClick: () => input.current?.click() }, 'Open…'),
    createElement('input', { ref: input, type: 'file', accept: '.strata,application/json', hidden: true, onChange: onFile }),
    createElement(
      'div',
      { style: canvasStyle },
      createElement(
        ReactFlow,
        { nodes, edges, minZoom: 0.02, onNodesChange: (changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)) },
        createElement(Background),
        createElement(Controls),
      ),
    ),
  );
}

createRoot(document.getElementById('root')!).render(createElement(ReactFlowProvider, null, createElement(Flow)));
