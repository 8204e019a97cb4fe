// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDiagram } from '../domain/diagram';
import type { Recovery } from '../preload/api';
import { RECOVERY_INTERVAL_MS, startRecovery, useRecoveryOffer } from './recovery';
import { isDirty, useStore } from './store/store';

const calls = vi.hoisted(() => ({ log: [] as string[], recoveries: [] as Recovery[], slots: new Set<string>() }));

vi.mock('./api', () => ({
  api: {
    readRecovery: async () => calls.recoveries,
    writeRecovery: async ({ slot, file }: { slot: string; file: { name: string; diagram: { project: { name: string } } } }) => {
      calls.slots.add(slot);
      calls.log.push(`write ${file.name}: ${file.diagram.project.name}`);
    },
    clearRecovery: async ({ slot }: { slot: string }) => void calls.log.push(slot === OLD_SLOT ? 'clear old' : 'clear'),
  },
}));

const OLD_SLOT = vi.hoisted(() => 'f'.repeat(32));

const sample = { path: null, name: 'sample', diagram: emptyDiagram({ name: 'sample' }) };
const loadDefault = async () => useStore.getState().load(sample);
const rename = (name: string) => useStore.getState().edit({ type: 'set-project', project: { name } });
/** Lets the queued promises (reads, writes, clears) settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  calls.log = [];
  calls.recoveries = [];
  calls.slots = new Set();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('startRecovery without recovered work', () => {
  beforeEach(async () => {
    stop = startRecovery(loadDefault);
    await settle();
  });

  it('loads the default diagram and offers nothing', () => {
    expect(useStore.getState().name).toBe('sample');
    expect(useRecoveryOffer.getState().offer).toBeNull();
  });

  it('writes unsaved work once per interval, only when it changed', async () => {
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(calls.log).toEqual([]);
    rename('one');
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    rename('two');
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(calls.log).toEqual(['write sample: one', 'write sample: two']);
  });

  it('writes at once when the window loses focus or is hidden', async () => {
    rename('blurred');
    window.dispatchEvent(new Event('blur'));
    await settle();
    rename('hidden');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls.log).toEqual(['write sample: blurred', 'write sample: hidden']);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('clears once the work is saved, and again only after new work was written', async () => {
    rename('one');
    window.dispatchEvent(new Event('blur'));
    useStore.getState().markSaved('/work/sample.strata', 'sample.strata');
    await settle();
    useStore.getState().load(sample);
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(calls.log).toEqual(['write sample: one', 'clear']);
  });

  it('writes to a slot of its own, never an older page’s', async () => {
    rename('one');
    window.dispatchEvent(new Event('blur'));
    await settle();
    expect([...calls.slots]).toHaveLength(1);
    expect([...calls.slots][0]).toMatch(/^[0-9a-f]{32}$/);
    expect(calls.slots.has(OLD_SLOT)).toBe(false);
  });

  it('stops writing once stopped', async () => {
    stop();
    rename('late');
    window.dispatchEvent(new Event('blur'));
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(calls.log).toEqual([]);
  });
});

describe('startRecovery with recovered work', () => {
  const recovered = { path: '/work/shop.strata', name: 'shop.strata', diagram: emptyDiagram({ name: 'recovered' }) };

  beforeEach(async () => {
    calls.recoveries = [{ slot: OLD_SLOT, file: recovered, savedAt: Date.UTC(2024, 4, 1) }];
    stop = startRecovery(loadDefault);
    await settle();
  });

  it('loads the default diagram and offers the work beside it', () => {
    expect(useStore.getState().name).toBe('sample');
    expect(useRecoveryOffer.getState().offer?.recovery).toEqual(calls.recoveries[0]);
  });

  it('Restore shows the work as unsaved under its own path and name, moves it to this page’s slot, and keeps it safe', async () => {
    useRecoveryOffer.getState().offer!.restore();
    await settle();
    const state = useStore.getState();
    expect(state).toMatchObject({ path: '/work/shop.strata', name: 'shop.strata', diagram: recovered.diagram });
    expect(isDirty(state)).toBe(true);
    expect(useRecoveryOffer.getState().offer).toBeNull();
    // Written here first, then the old slot removed: never a moment without a copy.
    expect(calls.log).toEqual(['write shop.strata: recovered', 'clear old']);
    rename('more');
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(calls.log.at(-1)).toBe('write shop.strata: more');
  });

  it('Restore asks first when there are unsaved changes: until answered, nothing is replaced and the offer stays', async () => {
    rename('mine');
    useRecoveryOffer.getState().offer!.restore();
    await settle();
    expect(useStore.getState().diagram.project.name).toBe('mine');
    expect(useRecoveryOffer.getState().offer).not.toBeNull();
    expect(calls.log).not.toContain('clear old');
  });

  it('Discard clears the recovered work', async () => {
    useRecoveryOffer.getState().offer!.discard();
    await settle();
    expect(calls.log).toEqual(['clear old']);
    expect(useRecoveryOffer.getState().offer).toBeNull();
    expect(useStore.getState().name).toBe('sample');
  });

  it('Discard removes only the old slot; this page’s own work stays', async () => {
    rename('newer');
    window.dispatchEvent(new Event('blur'));
    useRecoveryOffer.getState().offer!.discard();
    await settle();
    expect([...calls.log].sort()).toEqual(['clear old', 'write sample: newer']);
  });
});
