/** The exported project's files as a folder tree; choosing a file shows its text, as before writing. */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';

interface Folder {
  readonly name: string;
  readonly folders: Map<string, Folder>;
  readonly files: string[];
}

export function buildTree(paths: readonly string[]): Folder {
  const root: Folder = { name: '', folders: new Map(), files: [] };
  for (const path of paths) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { name: part, folders: new Map(), files: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.push(path);
  }
  return root;
}

/** Files listed per step: a large project's tree arrives a frame at a time, so no step stalls input. */
const STEP = 60;

/** Each file's place in the listing (folders first, as drawn), and each folder's first file's place. */
export function listingOrder(root: Folder): Map<Folder | string, number> {
  const order = new Map<Folder | string, number>();
  let listed = 0;
  const walk = (folder: Folder): void => {
    order.set(folder, listed);
    for (const child of folder.folders.values()) walk(child);
    for (const path of folder.files) order.set(path, listed++);
  };
  walk(root);
  return order;
}

/**
 * The file the preview shows: the one picked while the project still has it, else its README.
 * New options make new files; a pick they no longer hold (alembic/ after FastAPI → Django) would
 * leave its path above an empty box.
 */
export function fileToShow(paths: readonly string[], picked: string | undefined): string | undefined {
  if (picked !== undefined && paths.includes(picked)) return picked;
  return paths.find((p) => p.endsWith('README.md')) ?? paths[0];
}

export function FileTree({ files }: { files: ReadonlyMap<string, string> }) {
  const paths = useMemo(() => [...files.keys()].sort(), [files]);
  const tree = useMemo(() => buildTree(paths), [paths]);
  const order = useMemo(() => listingOrder(tree), [tree]);
  const shown = useGrowingCount(paths.length, files);
  const [picked, setChosen] = useState<string>();
  const chosen = fileToShow(paths, picked);
  const text = chosen !== undefined ? files.get(chosen) : undefined;
  const visible = useCallback((item: Folder | string) => (order.get(item) ?? 0) < shown, [order, shown]);
  return (
    <div className="file-explorer">
      <ul className="file-tree" role="tree" aria-label="Files to export" aria-busy={shown < paths.length}>
        <FolderItems folder={tree} chosen={chosen} onChoose={setChosen} visible={visible} />
      </ul>
      <div className="file-view" aria-label="File preview">
        <div className="file-view-path">{chosen}</div>
        <pre data-testid="file-text">{text}</pre>
      </div>
    </div>
  );
}

/** A count that grows by STEP each macrotask up to `total`, starting over when `key` changes. */
function useGrowingCount(total: number, key: unknown): number {
  const [state, setState] = useState({ key, count: STEP });
  const count = state.key === key ? state.count : STEP;
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setState({ key, count: count + STEP }), 0);
    return () => clearTimeout(timer);
  }, [count, total, key]);
  return count;
}

interface ItemsProps {
  folder: Folder;
  chosen?: string;
  onChoose: (path: string) => void;
  visible: (item: Folder | string) => boolean;
}

function FolderItems({ folder, chosen, onChoose, visible }: ItemsProps) {
  return (
    <>
      {[...folder.folders.values()].filter(visible).map((child) => (
        <li key={child.name} role="treeitem" aria-expanded="true">
          <details open>
            <summary className="tree-folder">{child.name}/</summary>
            <ul role="group">
              <FolderItems folder={child} chosen={chosen} onChoose={onChoose} visible={visible} />
            </ul>
          </details>
        </li>
      ))}
      {folder.files.filter(visible).map((path) => (
        <FileItem key={path} path={path} chosen={path === chosen} onChoose={onChoose} />
      ))}
    </>
  );
}

/** Memoised: a step that lists more files leaves the ones already listed alone. */
const FileItem = memo(function FileItem({ path, chosen, onChoose }: { path: string; chosen: boolean; onChoose: (path: string) => void }) {
  return (
    <li role="treeitem" aria-selected={chosen}>
      <button type="button" className={`tree-file${chosen ? ' chosen' : ''}`} onClick={() => onChoose(path)}>
        {path.slice(path.lastIndexOf('/') + 1)}
      </button>
    </li>
  );
});
