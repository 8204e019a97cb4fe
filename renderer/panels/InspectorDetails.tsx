/** The details a kind carries, as editable rows: a router's endpoints, a model's fields, a worker's tasks. */
import type { ReactNode } from 'react';
import { FIELD_TYPES, HTTP_METHODS, type DiagramNode, type Endpoint, type ModelField, type TaskSpec } from '../../domain/diagram';
import { useStore } from '../store/store';
import { Choice, CommitText, describeName, nonEmpty } from './InspectorInputs';
import { ScheduleField, ServesField } from './InspectorPlans';

export function Details({ node }: { node: DiagramNode }) {
  if (node.kind === 'router') {
    return (
      <>
        <ServesField node={node} />
        <Endpoints node={node} />
      </>
    );
  }
  if (node.kind === 'model') return <Fields node={node} />;
  if (node.kind === 'worker') return <Tasks node={node} />;
  if (node.kind === 'scheduler') return <ScheduleField node={node} />;
  return null;
}

function update(node: DiagramNode, changes: Partial<Omit<DiagramNode, 'id'>>): void {
  useStore.getState().edit({ type: 'update-node', id: node.id, changes });
}

/** The list with row `index` changed (or removed, when `change` is null). */
function changed<T>(list: readonly T[], index: number, change: Partial<T> | null): T[] {
  if (change === null) return list.filter((_item, i) => i !== index);
  return list.map((item, i) => (i === index ? { ...item, ...change } : item));
}

/** `field_1`, `field_2`, … the first not in use, so a new row never duplicates another. */
function freshName(prefix: string, taken: readonly { name: string }[]): string {
  const names = new Set(taken.map((item) => item.name));
  let n = 1;
  while (names.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

function Rows(props: { title: string; addLabel: string; onAdd: () => void; empty: string; children: ReactNode[] }) {
  return (
    <section className="inspector-rows" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children.length === 0 ? <p className="inspector-empty">{props.empty}</p> : <ul>{props.children}</ul>}
      <button type="button" className="add-row" onClick={props.onAdd}>
        + {props.addLabel}
      </button>
    </section>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="remove-row" aria-label={label} title={label} onClick={onClick}>
      ×
    </button>
  );
}

function Endpoints({ node }: { node: DiagramNode }) {
  const endpoints = node.endpoints ?? [];
  const set = (index: number, change: Partial<Endpoint> | null) => update(node, { endpoints: changed(endpoints, index, change) });
  const add = () => update(node, { endpoints: [...endpoints, { method: 'GET', path: '/' }] });
  return (
    <Rows title="Endpoints" addLabel="Add endpoint" onAdd={add} empty="No endpoints yet.">
      {endpoints.map((endpoint, i) => (
        <li key={i} className="row">
          <Choice label={`Endpoint ${i + 1} method`} value={endpoint.method} options={HTTP_METHODS} onChange={(method) => set(i, { method })} />
          <CommitText
            label={`Endpoint ${i + 1} path`}
            value={endpoint.path}
            accept={routePath}
            onCommit={(path) => set(i, { path })}
          />
          <RemoveButton label={`Remove endpoint ${endpoint.method} ${endpoint.path}`} onClick={() => set(i, null)} />
        </li>
      ))}
    </Rows>
  );
}

/** A path always starts with `/`, as the file format requires. */
function routePath(draft: string): string {
  const trimmed = draft.trim();
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function Fields({ node }: { node: DiagramNode }) {
  const fields = node.fields ?? [];
  const set = (index: number, change: Partial<ModelField> | null) => update(node, { fields: changed(fields, index, change) });
  const add = () => update(node, { fields: [...fields, { name: freshName('field', fields), type: 'str' }] });
  return (
    <Rows title="Fields" addLabel="Add field" onAdd={add} empty="No fields yet.">
      {fields.map((field, i) => (
        <li key={i} className="row field-row">
          <CommitText
            label={`Field ${i + 1} name`}
            value={field.name}
            accept={nonEmpty}
            describe={(draft) => problemOnly(describeName(draft))}
            onCommit={(name) => set(i, { name })}
          />
          <Choice label={`Field ${i + 1} type`} value={field.type} options={FIELD_TYPES} onChange={(type) => set(i, { type })} />
          <RemoveButton label={`Remove field ${field.name}`} onClick={() => set(i, null)} />
          <span className="flags">
            <Flag label="optional" title={`Field ${i + 1} optional`} checked={field.optional ?? false} onChange={(optional) => set(i, { optional: optional || undefined })} />
            <Flag label="unique" title={`Field ${i + 1} unique`} checked={field.unique ?? false} onChange={(unique) => set(i, { unique: unique || undefined })} />
          </span>
        </li>
      ))}
    </Rows>
  );
}

function Tasks({ node }: { node: DiagramNode }) {
  const tasks = node.tasks ?? [];
  const set = (index: number, change: Partial<TaskSpec> | null) => update(node, { tasks: changed(tasks, index, change) });
  const add = () => update(node, { tasks: [...tasks, { name: freshName('task', tasks) }] });
  return (
    <Rows title="Tasks" addLabel="Add task" onAdd={add} empty="No tasks yet.">
      {tasks.map((task, i) => (
        <li key={i} className="row">
          <CommitText
            label={`Task ${i + 1} name`}
            value={task.name}
            accept={nonEmpty}
            describe={(draft) => problemOnly(describeName(draft))}
            onCommit={(name) => set(i, { name })}
          />
          <RemoveButton label={`Remove task ${task.name}`} onClick={() => set(i, null)} />
        </li>
      ))}
    </Rows>
  );
}

/** Rows are narrow: they show a name's problem, not its Python form. */
function problemOnly<T extends { problem?: boolean }>(note: T): T | undefined {
  return note.problem ? note : undefined;
}

function Flag(props: { label: string; title: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flag" title={props.title}>
      <input type="checkbox" aria-label={props.title} checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      {props.label}
    </label>
  );
}
