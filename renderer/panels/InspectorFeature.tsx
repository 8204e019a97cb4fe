/**
 * Grouping nodes into a feature (a Python package such as `orders`). The nodes' `feature` field
 * is the truth; the containers on the canvas follow from it. Ctrl+G focuses the field below.
 */
import { useEffect, useRef } from 'react';
import type { DiagramNode } from '../../domain/diagram';
import { nameProblem } from '../../domain/names';
import { onCommand } from '../commands';
import { useStore } from '../store/store';
import { CommitText, describeName, type Note } from './InspectorInputs';

/** Sets (or, with undefined, clears) the feature of the given nodes as one undo step. */
export function setFeature(ids: ReadonlySet<string>, feature: string | undefined): void {
  const store = useStore.getState();
  const changing = store.diagram.nodes.filter((node) => ids.has(node.id) && node.feature !== feature);
  for (const node of changing) store.editInGesture({ type: 'update-node', id: node.id, changes: { feature } });
  store.endGesture();
}

onCommand('ungroup-feature', () => setFeature(useStore.getState().selection.nodes, undefined));

/** A feature name is stored as typed, once it would make a usable package name; empty means none. */
function acceptFeature(draft: string): string | undefined {
  const trimmed = draft.trim();
  if (trimmed === '') return '';
  return nameProblem(trimmed) ? undefined : trimmed;
}

function describeFeature(draft: string): Note {
  if (draft.trim() === '') return { text: 'No feature: type a name and press Enter to group.' };
  return describeName(draft.trim());
}

export function FeatureField({ nodes }: { nodes: readonly DiagramNode[] }) {
  const input = useRef<HTMLInputElement>(null);
  const features = new Set(nodes.map((node) => node.feature ?? ''));
  const common = features.size === 1 ? [...features][0] : '';
  const ids = new Set(nodes.map((node) => node.id));
  useEffect(
    () =>
      onCommand('group-feature', () => {
        input.current?.focus();
        input.current?.select();
      }),
    [],
  );
  return (
    <div className="inspector-field feature-field">
      <span className="field-label">Feature</span>
      <div className="feature-controls">
        <CommitText
          inputRef={input}
          label={nodes.length > 1 ? 'Group into feature' : 'Feature'}
          value={common}
          placeholder={features.size > 1 ? 'several features' : 'none'}
          accept={acceptFeature}
          describe={describeFeature}
          onCommit={(feature) => setFeature(ids, feature === '' ? undefined : feature)}
        />
        {[...features].some((feature) => feature !== '') && (
          <button type="button" onClick={() => setFeature(ids, undefined)} title="Ungroup (Ctrl+Shift+G)">
            Ungroup
          </button>
        )}
      </div>
    </div>
  );
}
