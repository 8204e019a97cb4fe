/**
 * The toolbar's Layout: the diagram's own setting, the one the Export dialog shows too. For
 * `auto` it names the layout that would be exported and, on hover, why.
 */
import { useEffect, useState } from 'react';
import { LAYOUTS, type Layout } from '../../domain/diagram';
import { resolveLayout, type LayoutChoice as Resolved } from '../../domain/generate';
import { useStore } from '../store/store';

/** How long after the last edit `auto` is judged again: a drag is not judged on every frame. */
const SETTLE_MS = 250;

/** What `auto` resolves to, judged again a moment after the nodes stop changing. */
function useResolvedLayout(): Resolved {
  const [resolved, setResolved] = useState(() => resolveLayout(useStore.getState().diagram, 'auto'));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const judge = () => {
      timer = undefined;
      const next = resolveLayout(useStore.getState().diagram, 'auto');
      setResolved((current) => (current.layout === next.layout && current.reason === next.reason ? current : next));
    };
    judge();
    const stop = useStore.subscribe((state, previous) => {
      if (state.diagram.nodes !== previous.diagram.nodes && timer === undefined) timer = setTimeout(judge, SETTLE_MS);
    });
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return resolved;
}

export function LayoutChoice() {
  const layout = useStore((state) => state.diagram.project.layout);
  const resolved = useResolvedLayout();
  const set = (value: Layout) => useStore.getState().edit({ type: 'set-project', project: { layout: value } });
  return (
    <label title={layout === 'auto' ? resolved.reason : `The project asks for the ${layout} layout; auto would pick ${resolved.layout}.`}>
      Layout
      <select value={layout} aria-label="Layout" onChange={(event) => set(event.target.value as Layout)}>
        {LAYOUTS.map((value) => (
          <option key={value} value={value}>
            {value === 'auto' ? `auto → ${resolved.layout}` : value}
          </option>
        ))}
      </select>
    </label>
  );
}
