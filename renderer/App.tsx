import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { Kind, NoteStyle } from '../domain/diagram';
import './align/commands';
import { api } from './api';
import { Canvas, FIT_MAX_ZOOM, FIT_PADDING } from './canvas/Canvas';
import { useFitNodes } from './canvas/fit';
import { useShowOpened } from './canvas/useShowOpened';
import { useClipboardEvents } from './clipboard';
import { addNodeOfKind, onCommand, openDiagram, openDroppedFile, runCommand } from './commands';
import { addNote } from './notes/add';
import { ContextMenu } from './menus/ContextMenu';
import { useCanvasCommands } from './menus/actions';
import { ShortcutsDialog } from './shortcuts/ShortcutsDialog';
import { ChoiceDialog } from './panels/choice';
import { ExportDialog } from './panels/ExportDialog';
import { Inspector } from './panels/Inspector';
import { MessageDialog, showMessage } from './panels/messages';
import { Notice } from './panels/Notice';
import { Palette } from './panels/Palette';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { RecoveryPrompt } from './panels/RecoveryPrompt';
import { Toolbar } from './panels/Toolbar';
import { useArrowNudge } from './nudge';
import { startRecovery } from './recovery';
import { startRouting } from './routing/routes';
import { shortcutFor } from './shortcuts';
import { isDirty, useStore } from './store/store';

export function App() {
  return (
    <ReactFlowProvider>
      <Workspace />
    </ReactFlowProvider>
  );
}

function Workspace() {
  useStartup();
  useCommands();
  useWindowTitle();
  useClipboardEvents();
  useArrowNudge();
  useEffect(startRouting, []);
  useShowOpened();
  const { screenToFlowPosition } = useReactFlow();
  const fitNodes = useFitNodes();
  useEffect(() => {
    const fit = () => fitNodes({ padding: FIT_PADDING, duration: 200, maxZoom: FIT_MAX_ZOOM });
    window.addEventListener('strata:zoom-to-fit', fit);
    return () => window.removeEventListener('strata:zoom-to-fit', fit);
  }, [fitNodes]);
  /** Keyboard and click adds go to the middle of the visible canvas. */
  const centre = useCallback(() => {
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    return box ? screenToFlowPosition({ x: box.x + box.width / 2, y: box.y + box.height / 2 }) : { x: 0, y: 0 };
  }, [screenToFlowPosition]);
  const addAtCentre = useCallback(
    (kind: Kind) => {
      const point = centre();
      addNodeOfKind(kind, { x: Math.round(point.x - 90), y: Math.round(point.y - 26) });
    },
    [centre],
  );
  const addNoteAtCentre = useCallback((style: NoteStyle) => addNote(style, centre()), [centre]);
  useCanvasCommands(centre);
  return (
    <div className="app" onDragOver={allowFileDrop} onDrop={openDrop}>
      <Toolbar />
      <RecoveryPrompt />
      <main className="workspace">
        <Palette onAdd={addAtCentre} onAddNote={addNoteAtCentre} />
        <Canvas />
        <aside className="side-panel">
          <Inspector />
          <ProblemsPanel />
        </aside>
      </main>
      <ExportDialogHost />
      <MessageDialog />
      <Notice />
      <ChoiceDialog />
      <ContextMenu />
      <ShortcutsDialog />
    </div>
  );
}

function ExportDialogHost() {
  const [open, setOpen] = useState(false);
  useEffect(() => onCommand('export', () => setOpen(true)), []);
  return open ? <ExportDialog onClose={() => setOpen(false)} /> : null;
}

function useStartup() {
  const { setViewport } = useReactFlow();
  useEffect(() => {
    // Exposed for end-to-end tests and the benchmark, which assert on the store as well as the
    // DOM and show both benchmarked pages the same viewport.
    (window as unknown as { strata: unknown }).strata = { getState: useStore.getState, setViewport };
  }, [setViewport]);
  useEffect(() => {
    // The last line of defence: whatever fails unexpectedly is said in words, not lost in a console.
    const explain = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      showMessage('Something went wrong', event.reason instanceof Error ? event.reason.message : String(event.reason));
    };
    window.addEventListener('unhandledrejection', explain);
    const loadSample = () =>
      api.loadSample().then(useStore.getState().load, (error: Error) => showMessage('The sample did not load', error.message));
    const stopRecovery = startRecovery(loadSample);
    return () => {
      stopRecovery();
      window.removeEventListener('unhandledrejection', explain);
    };
  }, []);
}

function useCommands() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = shortcutFor(event);
      if (!command) return;
      event.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = api.onMenuCommand(runCommand);
    const stopOpen = api.onOpenFile((path) => void openDiagram(path));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
      stopOpen();
    };
  }, []);
}

function useWindowTitle() {
  const name = useStore((state) => state.name);
  const dirty = useStore(isDirty);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Strata`;
    void api.setDocumentState({ title: name, dirty });
  }, [name, dirty]);
}

function allowFileDrop(event: React.DragEvent) {
  if (event.dataTransfer.types.includes('Files')) event.preventDefault();
}

function openDrop(event: React.DragEvent) {
  const file = event.dataTransfer.files[0];
  if (!file) return;
  event.preventDefault();
  void openDroppedFile(file);
}
