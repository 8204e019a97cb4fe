/** "?": every shortcut and gesture, from the same catalog the keys and the context menus use. */
import { useEffect } from 'react';
import { create } from 'zustand';
import { CATALOG, GESTURES } from './catalog';

const useShortcuts = create<{ open: boolean }>(() => ({ open: false }));

export function openShortcuts(): void {
  useShortcuts.setState({ open: true });
}

const GROUPS = ['File', 'Edit', 'Canvas', 'Arrange', 'View'] as const;

export function ShortcutsDialog() {
  const open = useShortcuts((state) => state.open);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault();
        event.stopImmediatePropagation();
        useShortcuts.setState({ open: false });
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open]);
  if (!open) return null;
  const close = () => useShortcuts.setState({ open: false });
  return (
    <div className="modal-backdrop" onClick={close}>
      <div className="modal shortcuts-dialog" role="dialog" aria-labelledby="shortcuts-title" onClick={(event) => event.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <div className="shortcuts-columns">
          {GROUPS.map((group) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <dl>
                {CATALOG.filter((entry) => entry.group === group).map((entry) => (
                  <Row key={entry.command} label={entry.label} keys={entry.keys.map((keys) => keys.text).join(' or ')} />
                ))}
              </dl>
            </section>
          ))}
          <section aria-label="Pointer">
            <h3>Pointer and more</h3>
            <dl>
              {GESTURES.map((gesture) => (
                <Row key={gesture.label} label={gesture.label} keys={gesture.text} />
              ))}
            </dl>
          </section>
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function Row({ label, keys }: { label: string; keys: string }) {
  return (
    <div className="shortcut-row">
      <dt>{label}</dt>
      <dd>
        <kbd>{keys}</kbd>
      </dd>
    </div>
  );
}
