/** The Inspector for one node: name, feature, engine, details, dependencies and findings. */
import { memo, useMemo, useRef, useState } from 'react';
import { ENGINES, KIND_INFO, engineOf, type DiagramEdge, type DiagramNode, type Engine, type Kind } from '../../domain/diagram';
import { dependencyWarnings } from '../../domain/quickfix';
import { edgeVerdict } from '../../domain/rules';
import { addEdge } from '../commands';
import { KindIcon } from '../canvas/icons';
import { calmIndex } from '../store/calm';
import { findingsOf, sameButPosition } from '../store/findings';
import { useStore } from '../store/store';
import { Details } from './InspectorDetails';
import { FeatureField } from './InspectorFeature';
import { Choice, CommitText, describeName, Findings } from './InspectorInputs';

/** Nothing here shows a position: a drag, which changes one every frame, must not re-render it. */
export const NodeInspector = memo(NodeInspectorFields, (before, after) => sameButPosition(before.node, after.node));

function NodeInspectorFields({ node }: { node: DiagramNode }) {
  const info = KIND_INFO[node.kind];
  const findings = useStore((state) => calmIndex(findingsOf(state.diagram), state.fresh).nodes.get(node.id)?.findings) ?? [];
  const update = (changes: Partial<Omit<DiagramNode, 'id'>>) =>
    useStore.getState().edit({ type: 'update-node', id: node.id, changes });
  return (
    <div className={`inspector-node layer-${info.layer}`} data-testid="inspector-node">
      <header className="inspector-title">
        <span className="node-icon">
          <KindIcon kind={node.kind} />
        </span>
        <span>
          <strong>{info.label}</strong>
          <small>
            {info.layer} layer · {info.description}
          </small>
        </span>
      </header>
      <div className="inspector-field">
        <span className="field-label">Name</span>
        <CommitText label="Name" value={node.name} describe={describeName} onCommit={(name) => update({ name })} />
      </div>
      <FeatureField nodes={[node]} />
      <EngineField node={node} onChange={(engine) => update({ engine })} />
      <Details node={node} />
      <DependsOn node={node} />
      <Findings findings={findings} />
    </div>
  );
}

function EngineField({ node, onChange }: { node: DiagramNode; onChange: (engine: Engine) => void }) {
  const engine = engineOf(node);
  if (engine === undefined || !(node.kind === 'database' || node.kind === 'broker' || node.kind === 'cache')) return null;
  return (
    <div className="inspector-field">
      <span className="field-label">Engine</span>
      <Choice<Engine> label="Engine" value={engine} options={ENGINES[node.kind]} onChange={onChange} />
    </div>
  );
}

/**
 * What the node depends on, and a keyboard way to add a dependency: choose a node and press
 * Enter (or Add). Strict mode refuses what the rules call an error, as drawing it would.
 */
function DependsOn({ node }: { node: DiagramNode }) {
  // Edges and names only: a drag changes positions every frame and must not re-render this.
  const edges = useStore((state) => state.diagram.edges);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState<{ text: string; severity?: string }>();
  // The list of every other node is built when the field is first used, not whenever a node is
  // selected: in a diagram of thousands of nodes it is thousands of options to sort and lay out.
  const [listed, setListed] = useState(false);
  const choices = useChoices(node.id, listed);
  // What each choice would break, worked out once per list (one walk for cycles, the matrix for the rest).
  const warnings = useMemo(() => (listed ? dependencyWarnings(useStore.getState().diagram, node.id) : NO_WARNINGS), [listed, node.id, choices, edges]);
  const outgoing = useMemo(() => edges.filter((edge) => edge.source === node.id), [edges, node.id]);
  // Their names as one string, so that a renamed target is shown renamed and a move re-renders nothing.
  const targetNames = useStore((state) => namesKey(state.diagram.nodes, outgoing));
  const names = useMemo(() => namesOf(targetNames), [targetNames]);
  const preview = target ? edgeVerdict(useStore.getState().diagram, node.id, target) : undefined;
  const add = () => {
    if (!target || !preview) return;
    if (useStore.getState().strict && preview.severity === 'error') {
      setNote({ text: `Not added (strict mode): ${preview.message}`, severity: 'error' });
      return;
    }
    addEdge(node.id, target);
    setNote({ text: preview.message, severity: preview.severity });
    setTarget('');
  };
  const remove = (edgeId: string) => useStore.getState().edit({ type: 'remove', nodeIds: [], edgeIds: [edgeId] });
  return (
    <section className="inspector-rows depends-on" aria-label="Dependencies">
      <h3>Depends on</h3>
      {outgoing.length === 0 ? (
        <p className="inspector-empty">Nothing yet.</p>
      ) : (
        <ul>
          {outgoing.map((edge) => (
            <li key={edge.id} className="row dependency">
              <span>
                → {names.get(edge.target)?.name ?? edge.target}{' '}
                <small>{KIND_INFO[names.get(edge.target)?.kind ?? 'service'].label}</small>
              </span>
              <button type="button" className="remove-row" aria-label={`Remove dependency on ${names.get(edge.target)?.name}`} onClick={() => remove(edge.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <select
          aria-label="Depends on"
          value={target}
          onFocus={() => setListed(true)}
          onPointerDown={() => setListed(true)}
          onChange={(event) => setTarget(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
        >
          <option value="">Choose a node…</option>
          <ChoiceOptions choices={choices} warnings={warnings} />
        </select>
        <button type="button" onClick={add} disabled={!target}>
          Add
        </button>
      </div>
      {preview && <p className={`verdict ${preview.severity ?? 'ok'}`}>{preview.message}</p>}
      {!preview && note && (
        <p className={`verdict ${note.severity ?? 'ok'}`} role="status">
          {note.text}
        </p>
      )}
    </section>
  );
}

interface NodeChoice {
  readonly id: string;
  readonly kind: Kind;
  readonly name: string;
}

/**
 * The other nodes by name. Read as labels compared item by item, so a drag (which only moves
 * nodes) neither re-sorts nor re-renders a list that may hold thousands of options.
 */
function useChoices(selfId: string, listed: boolean): NodeChoice[] {
  const last = useRef<readonly DiagramNode[] | null>(null);
  // The same array back while ids, kinds and names are unchanged, so moves cost one cheap scan;
  // nothing at all until the list is wanted.
  const nodes = useStore((state) => {
    if (!listed) return NO_NODES;
    const next = state.diagram.nodes;
    if (last.current && sameChoices(last.current, next)) return last.current;
    last.current = next;
    return next;
  });
  return useMemo(
    () =>
      nodes
        .filter((node) => node.id !== selfId)
        .map(({ kind, id, name }) => ({ kind, id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [nodes, selfId],
  );
}

const NO_NODES: readonly DiagramNode[] = [];

/** Id, kind and name of each edge's target, one per line, in one pass over the diagram. */
function namesKey(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string {
  if (edges.length === 0) return '';
  const wanted = new Set(edges.map((edge) => edge.target));
  const lines: string[] = [];
  for (const { id, kind, name } of nodes) if (wanted.has(id)) lines.push(JSON.stringify([id, kind, name]));
  return lines.join('\n');
}

function namesOf(key: string): Map<string, NodeChoice> {
  const found = new Map<string, NodeChoice>();
  for (const line of key ? key.split('\n') : []) {
    const [id, kind, name] = JSON.parse(line) as [string, Kind, string];
    found.set(id, { id, kind, name });
  }
  return found;
}

function sameChoices(a: readonly DiagramNode[], b: readonly DiagramNode[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((node, i) => node.id === b[i]!.id && node.name === b[i]!.name && node.kind === b[i]!.kind);
}

const NO_WARNINGS: ReturnType<typeof dependencyWarnings> = new Map();

/** Each other node, marked with the rule a dependency on it would break (✕ an error, ⚠ a warning). */
const ChoiceOptions = memo(function ChoiceOptions({ choices, warnings }: { choices: readonly NodeChoice[]; warnings: ReturnType<typeof dependencyWarnings> }) {
  return choices.map((choice) => {
    const warning = warnings.get(choice.id);
    return (
      <option key={choice.id} value={choice.id} data-breaks={warning?.rule}>
        {choice.name || '(unnamed)'} · {KIND_INFO[choice.kind].label}
        {warning && ` — ${warning.severity === 'error' ? '✕' : '⚠'} breaks ${warning.rule}`}
      </option>
    );
  });
});
