// @vitest-environment happy-dom
/** Save when the file changed on disk: nothing is written until the user chooses, as VS Code asks. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDiagram } from '../domain/diagram';
import type { SaveRequest, SaveResult } from '../preload/api';
import { useQuestion } from './panels/choice';
import { saveDiagram } from './save';
import { isDirty, useStore } from './store/store';

const calls = vi.hoisted(() => ({ saves: [] as SaveRequest[], answers: [] as SaveResult[], opened: [] as string[] }));

vi.mock('./api', () => ({
  api: {
    saveDiagram: async (request: SaveRequest) => {
      calls.saves.push(request);
      return calls.answers.shift();
    },
    openDiagram: async ({ path }: { path: string }) => {
      calls.opened.push(path);
      return { status: 'opened', file: { path, name: 'shop.strata', diagram: emptyDiagram({ name: 'theirs' }) } };
    },
  },
}));

const PATH = '/home/a/shop.strata';
const conflict: SaveResult = { status: 'conflict', path: PATH, name: 'shop.strata' };

/** Waits for the question, then answers it with the button labelled `label`. */
async function answer(label: string): Promise<string> {
  await vi.waitFor(() => expect(useQuestion.getState().question).not.toBeNull());
  const question = useQuestion.getState().question!;
  question.answer(question.choices.find((choice) => choice.label === label)!.value);
  return question.title;
}

beforeEach(() => {
  calls.saves = [];
  calls.opened = [];
  useStore.getState().load({ path: PATH, name: 'shop.strata', diagram: emptyDiagram({ name: 'shop' }) });
  useStore.getState().edit({ type: 'set-project', project: { name: 'mine' } });
});

describe('saving over a file that changed on disk', () => {
  it('asks, and Overwrite saves again saying so', async () => {
    calls.answers = [conflict, { status: 'saved', path: PATH, name: 'shop.strata' }];
    const saved = saveDiagram();
    expect(await answer('Overwrite')).toBe('shop.strata changed on disk');
    expect(await saved).toBe(true);
    expect(calls.saves.map((s) => [s.path, s.overwrite])).toEqual([[PATH, undefined], [PATH, true]]);
    expect(isDirty(useStore.getState())).toBe(false);
  });

  it('Save As… asks for another path (no path sent)', async () => {
    calls.answers = [conflict, { status: 'saved', path: '/home/a/mine.strata', name: 'mine.strata' }];
    const saved = saveDiagram();
    await answer('Save As…');
    expect(await saved).toBe(true);
    expect(calls.saves[1]!.path).toBeUndefined();
    expect(useStore.getState().name).toBe('mine.strata');
  });

  it('Reload drops the changes here and shows what is on disk', async () => {
    calls.answers = [conflict];
    const saved = saveDiagram();
    await answer('Reload');
    expect(await saved).toBe(false);
    expect(calls.opened).toEqual([PATH]);
    expect(useStore.getState().diagram.project.name).toBe('theirs');
  });

  it('Cancel writes nothing and keeps the changes unsaved', async () => {
    calls.answers = [conflict];
    const saved = saveDiagram();
    await answer('Cancel');
    expect(await saved).toBe(false);
    expect(calls.saves).toHaveLength(1);
    expect(useStore.getState().diagram.project.name).toBe('mine');
    expect(isDirty(useStore.getState())).toBe(true);
  });
});
