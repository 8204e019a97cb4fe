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
  const edgeCount = selection.edges.size;
  let content;
  if (nodeCount === 1 && edgeCount === 0) {
    const [id] = selection.nodes;
    const node = diagram.nodes.find((candidate) => candidate.id === id);
    // Keyed by id so a field's draft never carries over to another node.
    content = node && <NodeInspector key={node.id} node={node} />;
  } else if (nodeCount === 0 && edgeCount === 1) {
    const [id] = selection.edges;
    // Found whether or not its ends exist: a dangling edge is shown too.
    const edge = diagram.edges.find((candidate) => candidate.id === id);
    content = edge && <EdgeInspector key={edge.id} edge={edge} />;
  } else if (nodeCount + edgeCount > 1) {
    const nodes = diagram.nodes.filter((node) => selection.nodes.has(node.id));
    const field = nodes.length > 0 ? <FeatureField nodes={nodes} /> : null;
    content = <Several nodes={nodes.length} edges={edgeCount} field={field} />;
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
          {selectedCount(props.nodes, props.edges)} selected
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

/** "2 nodes, 1 edge", "3 edges": only the kinds of item that are selected. */
function selectedCount(nodes: number, edges: number): string {
  const parts = [];
  if (nodes > 0) parts.push(`${nodes} ${nodes === 1 ? 'node' : 'nodes'}`);
  if (edges > 0) parts.push(`${edges} ${edges === 1 ? 'edge' : 'edges'}`);
  return parts.join(', ');
}
