/** The drawing surface: shows the store's Diagram and turns gestures into edits. */
import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type IsValidConnection,
  type NodeChange,
  type EdgeChange,
} from '@xyflow/react';
import { useCallback, useMemo, type DragEvent } from 'react';
import { KINDS, NOTE_STYLES, type Kind, type NoteStyle, type Position } from '../../domain/diagram';
import { edgeVerdict } from '../../domain/rules';
import { calmIndex } from '../store/calm';
import { findingsOf } from '../store/findings';
import { useStore } from '../store/store';
import { addEdge, addNodeOfKind } from '../commands';
import { addNote, NOTE_DRAG_TYPE } from '../notes/add';
import { noteFlowNodes } from '../notes/derive';
import { NoteNode, type NoteFlowNode } from '../notes/NoteNode';
import { DiagramTitle } from '../notes/Title';
import { EmptyHint } from '../notes/EmptyHint';
import { useContextMenus } from '../menus/useContextMenus';
import { AlignmentGuides } from '../align/Guides';
import { endGuides, snapToGuides, useAlignmentGuides } from '../align/guides';
import { ZoomBox } from '../menus/ZoomBox';
import { useScheme } from '../theme';
import { SearchBox } from '../panels/SearchBox';
import { useDrift } from '../store/drift';
import { CanvasMiniMap } from './CanvasMiniMap';
import { driftEdges, GhostNode, ghostNodes, type GhostFlowNode } from './drift';
import { ConnectionWatcher } from './ConnectionHint';
import { flowEdges, flowNodes, rememberMeasured, type StrataFlowEdge } from './derive';
import { DetailContext, detailAt, detailClasses, useNodeDetail } from './detail';
import { FeatureBoxes, FeatureGroup, endNodeDrag, featureFlowNodes, takeFeatureChanges, type FeatureFlowNode } from './FeatureGroup';
import { OverviewEdges } from './OverviewEdges';
import { useCulled } from './useCulled';
import { useLayerClick } from './useLayerClick';
import { StrataEdge } from './StrataEdge';
import { StrataNode, type StrataFlowNode } from './StrataNode';

/** Fitting the diagram keeps it clear of the search box (top left) and the mini map (bottom right). */
export const FIT_PADDING = { top: '64px', right: '48px', bottom: '136px', left: '48px' } as const;
export const KIND_DRAG_TYPE = 'application/x-strata-kind';
/** Half a node's size, so a dropped node is centred on the pointer. */
const NODE_HALF = { x: 90, y: 26 };
const nodeTypes = { strata: StrataNode, feature: FeatureGroup, ghost: GhostNode, note: NoteNode };
type CanvasNode = StrataFlowNode | FeatureFlowNode | GhostFlowNode | NoteFlowNode;
/** Designers' habits: drag on empty canvas pans, Shift+drag draws a marquee, Shift-click toggles. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const GRID: [number, number] = [20, 20];
const edgeTypes = { strata: StrataEdge };
/*
 * Everything handed to React Flow is defined once, out here: a new function or object on each
 * render reaches every node wrapper (or React Flow's store) and re-renders all of them on every
 * drag frame, which at 1,000 nodes costs tens of milliseconds.
 */
export const FIT_MAX_ZOOM = 1.1;
const FIT_VIEW = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM };
const PRO_OPTIONS = { hideAttribution: true };
/** At an overview zoom React Flow draws no edges: OverviewEdges draws them all as one layer. */
const NO_EDGES: StrataFlowEdge[] = [];
const onNodeDragStop = (_event: unknown, _node: unknown, dragged: CanvasNode[]) => {
  endGuides();
  endNodeDrag(dragged);
};
const onSelectionDragStop = (_event: unknown, dragged: CanvasNode[]) => {
  endGuides();
  endNodeDrag(dragged);
};
const onNodeDoubleClick = (_event: unknown, node: CanvasNode) => useStore.getState().rename(node.id);
/** Selects the arrow alone and opens its label in the Inspector. */
const onEdgeDoubleClick = (_event: unknown, edge: StrataFlowEdge) => {
  useStore.getState().select({ nodes: new Set(), edges: new Set([edge.id]) });
  useStore.getState().rename(edge.id);
};

export function Canvas() {
  const diagram = useStore((state) => state.diagram);
  const selection = useStore((state) => state.selection);
  const renaming = useStore((state) => state.renaming);
  const fresh = useStore((state) => state.fresh);
  const index = calmIndex(findingsOf(diagram), fresh);
  // Changes only when the zoom crosses a level of detail (see detail.ts).
  const detail = useFlowStore((state) => detailAt(state.transform[2]));
  const nodeDetail = useNodeDetail(detail);
  // The last comparison with code: ghost nodes and dashed arrows, drawn beside the diagram.
  const drift = useDrift((state) => state.drift);
  const ghosts = useMemo(() => ghostNodes(drift, diagram.nodes), [drift, diagram.nodes]);
  const undrawn = useMemo(() => driftEdges(drift, diagram.nodes), [drift, diagram.nodes]);
  // A dashed arrow is drawn by React Flow from its two ends: they are handed to it wherever they are.
  const always = useMemo(() => withEnds(selection.nodes, undrawn), [selection.nodes, undrawn]);
  const culled = useCulled(diagram, always, detail === 'overview');
  const nodes = useMemo(() => flowNodes(culled.nodes, selection, index, renaming), [culled.nodes, selection, index, renaming]);
  const edges = useMemo(() => flowEdges(culled.edges, selection, index), [culled.edges, selection, index]);
  const features = useMemo(() => featureFlowNodes(diagram.nodes), [diagram.nodes]);
  // Notes are few and always handed over whole; they change only when a note does.
  const diagramNotes = useStore((state) => state.diagram.notes);
  const notes = useMemo(() => noteFlowNodes(diagramNotes ?? [], selection.nodes, renaming), [diagramNotes, selection.nodes, renaming]);
  const shown = useMemo<CanvasNode[]>(
    () => (features.length > 0 || ghosts.length > 0 || notes.length > 0 ? [...notes, ...features, ...nodes, ...ghosts] : nodes),
    [features, nodes, ghosts, notes],
  );
  const drawnEdges = useMemo(() => (undrawn.length > 0 ? [...edges, ...undrawn] : edges), [edges, undrawn]);
  const snapToGrid = useStore((state) => state.snapToGrid);
  const { screenToFlowPosition } = useReactFlow();
  const menus = useContextMenus();
  const guides = useAlignmentGuides();
  const scheme = useScheme();
  const onLayerClick = useLayerClick(culled.layer);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const style = event.dataTransfer.getData(NOTE_DRAG_TYPE);
      if ((NOTE_STYLES as readonly string[]).includes(style)) {
        event.preventDefault();
        addNote(style as NoteStyle, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
        return;
      }
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!(KINDS as readonly string[]).includes(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeOfKind(kind as Kind, { x: Math.round(point.x - NODE_HALF.x), y: Math.round(point.y - NODE_HALF.y) });
    },
    [screenToFlowPosition],
  );

  return (
    <div className={`canvas ${detailClasses(detail)}`} onDragOver={allowKindDrop} onDrop={onDrop} onClickCapture={onLayerClick} data-testid="canvas">
      <DetailContext.Provider value={nodeDetail}>
        <ReactFlow<CanvasNode, StrataFlowEdge>
          nodes={shown}
          edges={detail === 'overview' ? NO_EDGES : drawnEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          isValidConnection={isAllowedInStrictMode}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onNodeDragStop={onNodeDragStop}
          onSelectionDragStop={onSelectionDragStop}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionMode={SelectionMode.Partial}
          snapToGrid={snapToGrid}
          snapGrid={GRID}
          onNodeDoubleClick={onNodeDoubleClick}
          onEdgeDoubleClick={onEdgeDoubleClick}
          {...menus}
          {...guides}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          onlyRenderVisibleElements
          colorMode={scheme}
          fitView
          fitViewOptions={FIT_VIEW}
          minZoom={0.1}
          proOptions={PRO_OPTIONS}
        >
          <ConnectionWatcher />
          <AlignmentGuides />
          <FeatureBoxes />
          {culled.layer.length > 0 && <OverviewEdges edges={culled.layer} statuses={index.edges} selected={selection.edges} />}
          {/* The dot grid repaints the whole pane on every pan frame: shown only while nodes snap to it. */}
          {snapToGrid && <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />}
          <Controls showInteractive={false} />
          <CanvasMiniMap />
          <Panel position="top-left">
            <SearchBox />
          </Panel>
          <Panel position="top-center">
            <DiagramTitle />
          </Panel>
          <Panel position="bottom-left" className="zoom-box-panel">
            <ZoomBox />
          </Panel>
        </ReactFlow>
      </DetailContext.Provider>
      <EmptyHint />
    </div>
  );
}

function withEnds(nodes: ReadonlySet<string>, edges: readonly StrataFlowEdge[]): ReadonlySet<string> {
  if (edges.length === 0) return nodes;
  return new Set([...nodes, ...edges.flatMap((edge) => [edge.source, edge.target])]);
}

function allowKindDrop(event: DragEvent) {
  if (event.dataTransfer.types.includes(KIND_DRAG_TYPE) || event.dataTransfer.types.includes(NOTE_DRAG_TYPE)) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
}

/** Drags move nodes inside a gesture (one undo step); clicks change the selection. */
function onNodesChange(all: NodeChange<CanvasNode>[]) {
  for (const change of all) {
    if (change.type === 'dimensions' && change.dimensions) rememberMeasured(change.id, change.dimensions);
  }
  // Ghost nodes (drift) are drawn, never edited: their changes stop here.
  const changes = takeFeatureChanges<StrataFlowNode>(all.filter((change) => !isGhostChange(change)) as NodeChange<StrataFlowNode | FeatureFlowNode>[]);
  const store = useStore.getState();
  const positions = new Map<string, Position>();
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      positions.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
    }
  }
  if (positions.size > 0) {
    snapToGuides(positions);
    store.editInGesture({ type: 'move-nodes', positions });
  }
  const nodes = applySelect(store.selection.nodes, changes);
  if (nodes !== store.selection.nodes) store.select({ ...store.selection, nodes });
}

function isGhostChange(change: NodeChange<CanvasNode>): boolean {
  const id = change.type === 'add' || change.type === 'replace' ? change.item.id : change.id;
  return id.startsWith('ghost:');
}

function onEdgesChange(changes: EdgeChange<StrataFlowEdge>[]) {
  const store = useStore.getState();
  const edges = applySelect(store.selection.edges, changes);
  if (edges !== store.selection.edges) store.select({ ...store.selection, edges });
}

function applySelect(
  current: ReadonlySet<string>,
  changes: readonly (NodeChange<StrataFlowNode> | EdgeChange<StrataFlowEdge>)[],
) {
  let next: Set<string> | undefined;
  for (const change of changes) {
    if (change.type !== 'select' || current.has(change.id) === change.selected) continue;
    next ??= new Set(current);
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return next ?? current;
}

/** In strict mode, an edge the rules call an error cannot be drawn at all. */
const isAllowedInStrictMode: IsValidConnection<StrataFlowEdge> = (connection) => {
  const { strict, diagram } = useStore.getState();
  return !strict || edgeVerdict(diagram, connection.source, connection.target).severity !== 'error';
};

function onConnect(connection: Connection) {
  if (connection.source && connection.target) addEdge(connection.source, connection.target);
}
