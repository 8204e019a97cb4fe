/** The side panel that edits what is selected: one node, one edge, or several nodes at once. */
import { duplicateSelection } from '../clipboard';
import { removeSelection } from '../commands';
import { useStore } from '../store/store';
import { EdgeInspector } from './InspectorEdge';
import { FeatureField } from './InspectorFeature';
import { NodeInspector } from './InspectorNode';

export function Inspector() {
  const selection = useStore((state) => state.selection);
  const diagram = useStore((state) => state.diagram);
  const nodeCount = selection.nodes.size;
  let content;
  if (nodeCount === 1 && selection.edges.size === 0) {
    const [id] = selection.nodes;
    const node = diagram.nodes.find((candidate) => candidate.id === id);
    // Keyed by id so a field's draft never carries over to another node.
    content = node && <NodeInspector key={node.id} node={node} />;
  } else if (nodeCount === 0 && selection.edges.size === 1) {
    const [id] = selection.edges;
    const edge = diagram.edges.find((candidate) => candidate.id === id);
    content = edge && <EdgeInspector key={edge.id} edge={edge} />;
  } else if (nodeCount > 1) {
    const nodes = diagram.nodes.filter((node) => selection.nodes.has(node.id));
    content = <Several nodes={nodes.length} edges={selection.edges.size} field={<FeatureField nodes={nodes} />} />;
  }
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      {content ?? <Hint />}
    </section>
  );
}

function Several(props: { nodes: number; edges: number; field: React.ReactNode }) {
  return (
    <div className="inspector-several">
      <header className="inspector-title">
        <strong>
          {props.nodes} nodes{props.edges > 0 && `, ${props.edges} ${props.edges === 1 ? 'edge' : 'edges'}`} selected
        </strong>
      </header>
      {props.field}
      <div className="inspector-actions">
        <button type="button" onClick={duplicateSelection} title="Duplicate (Ctrl+D)">
          Duplicate
        </button>
        <button type="button" onClick={removeSelection} title="Delete">
          Delete
        </button>
      </div>
    </div>
  );
}

function Hint() {
  return (
    <p className="inspector-hint">
      Select a node to edit its name, feature and details, or an edge to see whether the rules allow it. Shift-click
      or Shift-drag selects several; Ctrl+G groups them into a feature.
    </p>
  );
}
