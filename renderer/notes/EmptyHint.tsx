/** What an empty canvas says: how to start, instead of nothing at all. */
import { useStore } from '../store/store';

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
    </div>
  );
}
