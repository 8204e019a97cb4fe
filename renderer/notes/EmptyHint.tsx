/** What an empty canvas says: how to start, and the guide's layouts to start from instead of nothing at all. */
import { TEMPLATES, type Template } from '../../domain/templates';
import { useStore } from '../store/store';

/** Fills the empty diagram with a template and its project settings, as one undo step, and shows it whole. */
function startFrom(template: Template): void {
  useStore.getState().edit({
    type: 'batch',
    edits: [
      { type: 'set-project', project: template.project },
      { type: 'add-nodes', nodes: template.nodes, edges: template.edges },
    ],
  });
  // Once React Flow has the new nodes, fit them into view.
  requestAnimationFrame(() => window.dispatchEvent(new Event('strata:zoom-to-fit')));
}

export function EmptyHint() {
  const empty = useStore((state) => state.diagram.nodes.length === 0 && !state.diagram.notes?.length);
  if (!empty) return null;
  return (
    <div className="empty-hint" data-testid="empty-hint">
      <strong>An empty diagram</strong>
      <span>Drag a component from the left onto the canvas, or click one to place it here.</span>
      <span>Connect a node’s bottom handle to another’s top: the upper one depends on the lower.</span>
      <span>
        Right-click for more, <kbd>N</kbd> for a sticky note, <kbd>?</kbd> for every shortcut.
      </span>
      <div className="templates" role="group" aria-label="Start from a template">
        <span>Or start from one of the guide’s layouts:</span>
        <div className="template-buttons">
          {TEMPLATES.map((template) => (
            <button key={template.id} type="button" title={template.description} onClick={() => startFrom(template)}>
              {template.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
