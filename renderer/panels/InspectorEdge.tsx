/** The Inspector for one edge: both ends, and whether the layering rules allow it. */
import { useEffect, useMemo, useRef } from 'react';
import { KIND_INFO, type DiagramEdge, type DiagramNode } from '../../domain/diagram';
import { applyEdit } from '../../domain/edits';
import { edgeVerdict } from '../../domain/rules';
import { KindIcon } from '../canvas/icons';
import { findingsOf } from '../store/findings';
import { useStore } from '../store/store';
import { CommitText, Findings } from './InspectorInputs';

export function EdgeInspector({ edge }: { edge: DiagramEdge }) {
  const diagram = useStore((state) => state.diagram);
  const source = diagram.nodes.find((node) => node.id === edge.source);
  const target = diagram.nodes.find((node) => node.id === edge.target);
  // Judged as if it were being drawn now, so the edge does not count as its own duplicate.
  const verdict = useMemo(
    () => edgeVerdict(applyEdit(diagram, { type: 'remove', nodeIds: [], edgeIds: [edge.id] }), edge.source, edge.target),
    [diagram, edge],
  );
  const findings = findingsOf(diagram).edges.get(edge.id)?.findings ?? [];
  // The verdict's sentence is said once: by the finding below when there is one (with its fix).
  const said = findings.some((finding) => finding.message === verdict.message);
  const remove = () => useStore.getState().edit({ type: 'remove', nodeIds: [], edgeIds: [edge.id] });
  const labelInput = useLabelFocus(edge.id);
  return (
    <div className="inspector-edge" data-testid="inspector-edge">
      <header className="inspector-title">
        <strong>Dependency</strong>
      </header>
      <End node={source} id={edge.source} role="From" />
      <p className="depends-word">depends on</p>
      <End node={target} id={edge.target} role="To" />
      <div className="inspector-field">
        <span className="field-label">Label</span>
        <CommitText
          label="Label"
          value={edge.label ?? ''}
          placeholder="enqueues, reads…"
          inputRef={labelInput}
          onCommit={(label) => useStore.getState().edit({ type: 'update-edge', id: edge.id, changes: { label } })}
        />
      </div>
      <p className={`verdict ${verdict.allowed ? (verdict.severity ?? 'ok') : 'error'}`} data-testid="edge-verdict">
        <strong>{verdict.allowed ? (verdict.severity === 'warning' ? 'Allowed, with a warning' : 'Allowed') : 'Not allowed'}</strong>
        {verdict.rule && <code>{verdict.rule}</code>}
        {!said && <span>{verdict.message}</span>}
      </p>
      <Findings findings={findings} />
      <button type="button" onClick={remove}>
        Delete dependency
      </button>
    </div>
  );
}

function End({ node, id, role }: { node: DiagramNode | undefined; id: string; role: string }) {
  if (!node) return <p className="edge-end missing">{role}: “{id}” is not in the diagram</p>;
  const info = KIND_INFO[node.kind];
  return (
    <p className={`edge-end layer-${info.layer}`} aria-label={role}>
      <span className="node-icon">
        <KindIcon kind={node.kind} size={16} />
      </span>
      <span>
        <strong>{node.name || '(unnamed)'}</strong> <small>{info.label}</small>
      </span>
    </p>
  );
}

/** A double-click on the arrow (the canvas sets `renaming` to its id) puts the cursor in its label. */
function useLabelFocus(edgeId: string) {
  const input = useRef<HTMLInputElement>(null);
  const asked = useStore((state) => state.renaming === edgeId);
  useEffect(() => {
    if (!asked) return;
    input.current?.focus();
    input.current?.select();
    useStore.getState().rename(null);
  }, [asked]);
  return input;
}
