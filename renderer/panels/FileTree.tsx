/** The exported project's files as a folder tree; choosing a file shows its text, as before writing. */
import { useMemo, useState } from 'react';

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

export function FileTree({ files }: { files: ReadonlyMap<string, string> }) {
  const paths = useMemo(() => [...files.keys()].sort(), [files]);
  const tree = useMemo(() => buildTree(paths), [paths]);
  const [chosen, setChosen] = useState<string | undefined>(() => paths.find((p) => p.endsWith('README.md')) ?? paths[0]);
  const text = chosen !== undefined ? files.get(chosen) : undefined;
  return (
    <div className="file-explorer">
      <ul className="file-tree" role="tree" aria-label="Files to export">
        <FolderItems folder={tree} chosen={chosen} onChoose={setChosen} />
      </ul>
      <div className="file-view" aria-label="File preview">
        <div className="file-view-path">{chosen}</div>
        <pre data-testid="file-text">{text}</pre>
      </div>
    </div>
  );
}

function FolderItems({ folder, chosen, onChoose }: { folder: Folder; chosen?: string; onChoose: (path: string) => void }) {
  return (
    <>
      {[...folder.folders.values()].map((child) => (
        <li key={child.name} role="treeitem" aria-expanded="true">
          <details open>
            <summary className="tree-folder">{child.name}/</summary>
            <ul role="group">
              <FolderItems folder={child} chosen={chosen} onChoose={onChoose} />
            </ul>
          </details>
        </li>
      ))}
      {folder.files.map((path) => (
        <li key={path} role="treeitem" aria-selected={path === chosen}>
          <button type="button" className={`tree-file${path === chosen ? ' chosen' : ''}`} onClick={() => onChoose(path)}>
            {path.slice(path.lastIndexOf('/') + 1)}
          </button>
        </li>
      ))}
    </>
  );
}
