/** How one diagram node looks on the canvas: icon, name and kind, coloured by its layer. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useContext, type KeyboardEvent } from 'react';
import { KIND_INFO, engineOf, type DiagramNode } from '../../domain/diagram';
import type { ItemStatus } from '../store/findings';
import { useStore } from '../store/store';
import { ConnectionHint, StillHandle, TargetHandle } from './ConnectionHint';
import { DetailContext } from './detail';
import { FindingBadge } from './FindingBadge';
import { KindIcon } from './icons';

export type StrataNodeData = { node: DiagramNode; status: ItemStatus | undefined; editing: boolean };
export type StrataFlowNode = Node<StrataNodeData, 'strata'>;

export const StrataNode = memo(function StrataNode({ data, selected }: NodeProps<StrataFlowNode>) {
  const { node, status, editing } = data;
  const info = KIND_INFO[node.kind];
  const engine = engineOf(node);
  // At an overview zoom handles are hidden and nothing connects: see StillHandle.
  const still = useContext(DetailContext) === 'overview';
  return (
    <div
      className={`strata-node layer-${info.layer} kind-${node.kind}${selected ? ' selected' : ''}${status ? ` has-${status.severity}` : ''}`}
      data-kind={node.kind}
    >
      {still ? <StillHandle type="target" /> : <TargetHandle nodeId={node.id} />}
      <span className="node-icon">
        <KindIcon kind={node.kind} />
      </span>
      <span className="node-text">
        {editing ? (
          <NameEditor node={node} onDone={() => useStore.getState().rename(null)} />
        ) : (
          <span className="node-name" title={node.name}>
            {node.name || '(unnamed)'}
          </span>
        )}
        {/* One string, so one text node: three expressions would be three DOM nodes per node. */}
        <span className="node-kind">{`${info.label}${engine ? ` · ${engine}` : ''}${node.feature ? ` · ${node.feature}` : ''}`}</span>
      </span>
      {status && <FindingBadge status={status} />}
      <ConnectionHint nodeId={node.id} />
      {still ? <StillHandle type="source" /> : <Handle type="source" position={Position.Bottom} className="handle" />}
    </div>
  );
});

function NameEditor({ node, onDone }: { node: DiagramNode; onDone: () => void }) {
  const edit = useStore((state) => state.edit);
  const commit = (name: string) => {
    if (name !== node.name) edit({ type: 'update-node', id: node.id, changes: { name } });
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(event.currentTarget.value);
    if (event.key === 'Escape') onDone();
    event.stopPropagation();
  };
  return (
    <input
      className="node-name-input nodrag"
      aria-label="Node name"
      defaultValue={node.name}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}
