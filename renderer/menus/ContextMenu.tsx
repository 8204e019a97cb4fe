/**
 * Right-click menus: on a node, a note, an arrow, a selection and the empty canvas, each offering
 * what can be done there, with the keys the catalog gives each command.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import { KINDS, KIND_INFO, type Kind, type Position } from '../../domain/diagram';
import { addNodeOfKind, runCommand } from '../commands';
import { addNote } from '../notes/add';
import { ALIGN_COMMANDS } from '../align/commands';
import { neighboursFeature } from '../../domain/quickfix';
import { keysText, labelOf, type Command } from '../shortcuts/catalog';
import { useStore } from '../store/store';

export type MenuTarget =
  | { readonly type: 'node'; readonly id: string }
  | { readonly type: 'note'; readonly id: string }
  | { readonly type: 'edge'; readonly id: string }
  | { readonly type: 'selection' }
  | { readonly type: 'canvas' };

interface OpenMenu {
  /** Where on screen, and where on the canvas (for "add … here"). */
  readonly screen: Position;
  readonly canvas: Position;
  readonly target: MenuTarget;
}

const useMenu = create<{ menu: OpenMenu | null }>(() => ({ menu: null }));

/**
 * Opens the menu for `target`. Right-clicking an item outside the selection selects it alone
 * first, as file managers do, so the menu's Delete acts on exactly what it names.
 */
export function openContextMenu(target: MenuTarget, screen: Position, canvas: Position): void {
  const { selection, select } = useStore.getState();
  if ((target.type === 'node' || target.type === 'note') && !selection.nodes.has(target.id)) {
    select({ nodes: new Set([target.id]), edges: new Set() });
  }
  if (target.type === 'edge' && !selection.edges.has(target.id)) select({ nodes: new Set(), edges: new Set([target.id]) });
  useMenu.setState({ menu: { screen, canvas, target } });
}

export function closeContextMenu(): void {
  useMenu.setState({ menu: null });
}

export function ContextMenu() {
  const menu = useMenu((state) => state.menu);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeContextMenu();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) closeContextMenu();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [menu]);
  useLayoutEffect(() => keepInWindow(box.current));
  // A submenu unfolding grows the menu without rendering it again: kept in the window as it grows.
  useEffect(() => {
    const element = box.current;
    if (!menu || !element) return;
    const observer = new ResizeObserver(() => keepInWindow(element));
    observer.observe(element);
    return () => observer.disconnect();
  }, [menu]);
  if (!menu) return null;
  return (
    <div
      ref={box}
      className="context-menu"
      role="menu"
      aria-label={`${menu.target.type} menu`}
      style={{ left: menu.screen.x, top: menu.screen.y }}
      onContextMenu={(event) => event.preventDefault()}
      onKeyDown={moveFocus}
    >
      <Items menu={menu} />
    </div>
  );
}

function Items({ menu }: { menu: OpenMenu }) {
  switch (menu.target.type) {
    case 'node':
      return (
        <>
          <Commands commands={['rename', 'duplicate', 'group-feature', 'ungroup-feature', 'zoom-selection']} />
          <JoinNeighboursFeature id={menu.target.id} />
          <Commands commands={['delete']} />
        </>
      );
    case 'note':
      return <Commands commands={['rename', 'delete']} labels={{ rename: 'Edit text' }} />;
    case 'edge':
      return <Commands commands={['reverse', 'rename', 'delete']} labels={{ rename: 'Edit label' }} />;
    case 'selection':
      return (
        <>
          <Commands commands={['duplicate', 'group-feature', 'reverse', 'zoom-selection']} />
          <ArrangeItems />
          <Commands commands={['delete']} />
        </>
      );
    case 'canvas':
      return <CanvasItems at={menu.canvas} />;
  }
}

function Commands({ commands, labels = {} }: { commands: readonly Command[]; labels?: Partial<Record<Command, string>> }) {
  const selection = useStore((state) => state.selection);
  // Offered only where it can act: Reverse needs an arrow, Group and Duplicate a component.
  const shown = commands.filter((command) => (command === 'reverse' ? selection.edges.size > 0 : true));
  return shown.map((command) => (
    <Item key={command} label={labels[command] ?? labelOf(command)} keys={keysText(command)} run={() => runCommand(command)} danger={command === 'delete'} />
  ));
}

/** "Move into orders" when every neighbour of the node is in feature orders and it is not. */
function JoinNeighboursFeature({ id }: { id: string }) {
  const feature = useStore((state) => neighboursFeature(state.diagram, id));
  if (feature === undefined) return null;
  const join = () => useStore.getState().edit({ type: 'update-node', id, changes: { feature } });
  return <Item label={`Move into feature ${feature}`} run={join} />;
}

/** Align and distribute, folded away until asked for: eight items would bury the rest of the menu. */
function ArrangeItems() {
  const [open, setOpen] = useState(false);
  const count = useStore((state) => state.selection.nodes.size);
  if (count < 2) return null;
  // Spreading needs a box between the two that stay put.
  const shown = ALIGN_COMMANDS.filter((command) => count > 2 || !command.startsWith('distribute'));
  return (
    <>
      <SubmenuToggle label="Align and distribute" open={open} onToggle={() => setOpen(!open)} />
      {open && (
        <div className="context-sub" role="group" aria-label="Align and distribute">
          {shown.map((command) => (
            <Item key={command} label={labelOf(command)} keys={keysText(command)} run={() => runCommand(command)} />
          ))}
        </div>
      )}
    </>
  );
}

function SubmenuToggle({ label, open, onToggle }: { label: string; open: boolean; onToggle: () => void }) {
  return (
    <button type="button" role="menuitem" className="context-item" aria-expanded={open} onClick={onToggle}>
      <span>{label}</span>
      <span className="context-keys">{open ? '▾' : '▸'}</span>
    </button>
  );
}

function CanvasItems({ at }: { at: Position }) {
  const [kinds, setKinds] = useState(false);
  const addKind = (kind: Kind) => addNodeOfKind(kind, { x: Math.round(at.x - 90), y: Math.round(at.y - 26) });
  return (
    <>
      <SubmenuToggle label="Add a component here" open={kinds} onToggle={() => setKinds(!kinds)} />
      {kinds && (
        <div className="context-sub" role="group" aria-label="Components">
          {KINDS.map((kind) => (
            <Item key={kind} label={KIND_INFO[kind].label} run={() => addKind(kind)} />
          ))}
        </div>
      )}
      <Item label="Add a sticky note here" keys={keysText('add-note')} run={() => addNote('sticky', at)} />
      <Item label="Add text here" keys={keysText('add-text')} run={() => addNote('text', at)} />
      <hr />
      <Item label={labelOf('select-all')} keys={keysText('select-all')} run={() => runCommand('select-all')} />
      <Item label={labelOf('zoom-to-fit')} keys={keysText('zoom-to-fit')} run={() => runCommand('zoom-to-fit')} />
      <Item label={labelOf('zoom-100')} keys={keysText('zoom-100')} run={() => runCommand('zoom-100')} />
      <Item label={labelOf('shortcuts')} keys={keysText('shortcuts')} run={() => runCommand('shortcuts')} />
    </>
  );
}

function Item({ label, keys, run, danger }: { label: ReactNode; keys?: string; run: () => void; danger?: boolean }) {
  return (
    <button
      type="button"
      role="menuitem"
      className={`context-item${danger ? ' danger' : ''}`}
      onClick={() => {
        closeContextMenu();
        run();
      }}
    >
      <span>{label}</span>
      {keys && <kbd className="context-keys">{keys}</kbd>}
    </button>
  );
}

/** Up and down move between the items, as in any menu. */
function moveFocus(event: React.KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  event.stopPropagation();
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
  items[next]?.focus();
}

/** A menu opened near the window's right or bottom edge opens leftwards or upwards instead of past it. */
function keepInWindow(element: HTMLElement | null) {
  if (!element) return;
  const box = element.getBoundingClientRect();
  if (box.right > window.innerWidth - 4) element.style.left = `${Math.max(4, window.innerWidth - box.width - 4)}px`;
  if (box.bottom > window.innerHeight - 4) element.style.top = `${Math.max(4, window.innerHeight - box.height - 4)}px`;
}
