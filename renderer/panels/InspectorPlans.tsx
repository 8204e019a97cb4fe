/** What a scheduler's schedule and a router's own resource are: two single-value fields of the Inspector. */
import { useMemo, useRef } from 'react';
import type { DiagramNode } from '../../domain/diagram';
import { modelsReachedBy } from '../../domain/reach';
import { parseSchedule, SCHEDULE_EXAMPLES } from '../../domain/schedule';
import { useStore } from '../store/store';
import { CommitText, type Note } from './InspectorInputs';

function update(node: DiagramNode, changes: Partial<Omit<DiagramNode, 'id'>>): void {
  useStore.getState().edit({ type: 'update-node', id: node.id, changes });
}

/** The schedule as typed; the note says what the export makes of it (cron or seconds), or why it cannot. */
export function ScheduleField({ node }: { node: DiagramNode }) {
  return (
    <div className="inspector-field">
      <span className="field-label">Schedule</span>
      <CommitText
        label="Schedule"
        value={node.schedule ?? ''}
        placeholder="nightly"
        describe={describeSchedule}
        accept={(draft) => draft.trim()}
        onCommit={(text) => update(node, { schedule: text === '' ? undefined : text })}
      />
    </div>
  );
}

function describeSchedule(draft: string): Note {
  const schedule = parseSchedule(draft);
  if (!schedule) return { text: `Not a schedule; try ${SCHEDULE_EXAMPLES}.`, problem: true };
  const when = /^\d+$/.test(schedule.value) ? `every ${schedule.value} s` : <>cron <code>{schedule.value}</code> (UTC)</>;
  return { text: <>Runs {when}; the export's setting can change it.</> };
}

/** Which reached model the router serves at its own prefix; automatic picks by name, then by its service. */
export function ServesField({ node }: { node: DiagramNode }) {
  const edges = useStore((state) => state.diagram.edges);
  const nodes = useStableNodes();
  const models = useMemo(() => modelsReachedBy({ nodes, edges }, node.id), [nodes, edges, node.id]);
  const chosen = node.resource !== undefined && models.some((m) => m.id === node.resource) ? node.resource : '';
  const stale = node.resource !== undefined && chosen === '';
  return (
    <div className="inspector-field">
      <span className="field-label">Serves</span>
      <span className="commit-text">
        <select
          aria-label="Serves"
          value={chosen}
          disabled={models.length === 0 && !stale}
          onChange={(event) => update(node, { resource: event.target.value === '' ? undefined : event.target.value })}
        >
          <option value="">{models.length === 0 ? 'No model reached' : 'Automatic'}</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <span className={`field-note${stale ? ' problem' : ''}`}>
          {stale
            ? 'The chosen model is no longer reached; the export picks automatically.'
            : 'The model at the router’s own path; other reached models sit at nested paths.'}
        </span>
      </span>
    </div>
  );
}

/** The nodes, the same array back while ids, kinds and names are unchanged: a drag moves nodes only. */
function useStableNodes(): readonly DiagramNode[] {
  const last = useRef<readonly DiagramNode[] | null>(null);
  return useStore((state) => {
    const next = state.diagram.nodes;
    const same = last.current?.length === next.length && last.current.every((n, i) => n.id === next[i]!.id && n.name === next[i]!.name && n.kind === next[i]!.kind);
    if (same) return last.current!;
    last.current = next;
    return next;
  });
}
