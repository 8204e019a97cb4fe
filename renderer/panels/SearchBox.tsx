/** Finds nodes by name. Ctrl+F focuses it; Enter or a click selects a match and centres it. */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_INFO, type DiagramNode } from '../../domain/diagram';
import { useFitNodes } from '../canvas/fit';
import { onCommand } from '../commands';
import { useStore } from '../store/store';
import { findNodes } from './find-nodes';

const MAX_MATCHES = 8;

export function SearchBox() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fitNodes = useFitNodes();
  const nodes = useStore((state) => state.diagram.nodes);
  const matches = useMemo(() => (open ? findNodes(nodes, query) : []), [open, nodes, query]);
  useEffect(
    () =>
      onCommand('find', () => {
        input.current?.focus();
        input.current?.select();
      }),
    [],
  );
  const choose = (node: DiagramNode | undefined) => {
    if (!node) return;
    useStore.getState().select({ nodes: new Set([node.id]), edges: new Set() });
    fitNodes({ padding: 0.8, duration: 250, maxZoom: 1.2 }, [node.id]);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const shown = Math.min(matches.length, MAX_MATCHES);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown > 0) setActive((active + (event.key === 'ArrowDown' ? 1 : shown - 1)) % shown);
    } else if (event.key === 'Enter') {
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setQuery('');
      setOpen(false);
      event.currentTarget.blur();
    }
  };
  return (
    <div className="search-box">
      <input
        ref={input}
        type="search"
        aria-label="Find a node"
        placeholder="Find a node (Ctrl+F)"
        value={query}
        role="combobox"
        aria-expanded={open && query.trim() !== ''}
        aria-controls="search-results"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && query.trim() !== '' && (
        <ul className="search-results" id="search-results" role="listbox" aria-label="Matching nodes">
          {matches.length === 0 && <li className="search-none">No node name contains “{query.trim()}”</li>}
          {matches.slice(0, MAX_MATCHES).map((node, i) => (
            <li key={node.id} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}>
              {/* mousedown would blur the field and close the list before the click lands */}
              <button type="button" tabIndex={-1} onMouseDown={(event) => event.preventDefault()} onClick={() => choose(node)}>
                <span className="search-name">{node.name}</span>
                <small>{KIND_INFO[node.kind].label}</small>
              </button>
            </li>
          ))}
          {matches.length > MAX_MATCHES && <li className="search-none">and {matches.length - MAX_MATCHES} more</li>}
        </ul>
      )}
    </div>
  );
}
