/**
 * Open Recent: the files main remembers (in the browser app, the copies this browser kept),
 * newest first, fetched afresh each time the list opens.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { describeCopy } from '../api/web-recent';
import { openDiagram } from '../commands';

export function RecentMenu() {
  /** The listed paths while the menu is open; null while it is closed. */
  const [paths, setPaths] = useState<readonly string[] | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!paths) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setPaths(null);
    };
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setPaths(null);
    window.addEventListener('pointerdown', closeOutside);
    window.addEventListener('keydown', closeOnEscape);
    return () => {
      window.removeEventListener('pointerdown', closeOutside);
      window.removeEventListener('keydown', closeOnEscape);
    };
  }, [paths]);
  const toggle = async () => {
    if (paths) return setPaths(null);
    setPaths(await api.recentFiles().catch(() => []));
  };
  const choose = (path: string) => {
    setPaths(null);
    void openDiagram(path);
  };
  return (
    <div className="recent-menu" ref={root}>
      {/* A split-button arrow beside Open…: the toolbar has no room for another word. */}
      <button
        type="button"
        className="recent-toggle"
        aria-label="Open Recent"
        aria-haspopup="menu"
        aria-expanded={paths !== null}
        title="Open Recent"
        onClick={() => void toggle()}
      >
        ▾
      </button>
      {paths && (
        <ul className="recent-list" role="menu" aria-label="Recent files">
          {paths.length === 0 && (
            <li role="none" className="recent-empty">
              No recent files
            </li>
          )}
          {paths.map((path) => (
            <li role="none" key={path}>
              <button type="button" role="menuitem" title={titleOf(path)} onClick={() => choose(path)}>
                <span className="recent-name">{describeCopy(path)?.name ?? fileName(path)}</span>
                <span className="recent-folder">{describeCopy(path)?.where ?? folderOf(path)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Paths come from main and may use either separator (Windows or POSIX). */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function folderOf(path: string): string {
  return path.slice(0, Math.max(0, path.length - fileName(path).length - 1));
}

function titleOf(path: string): string {
  const copy = describeCopy(path);
  return copy ? `${copy.name}, ${copy.where}` : path;
}
