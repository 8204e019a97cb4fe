/**
 * The renderer's main thread, as Chromium's own trace sees it: every top-level task it ran while
 * recording, so a measurement can say how busy the thread was and how long its longest task took
 * (a task is what blocks input: nothing else runs on the thread until it ends).
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread time: what the task got of a CPU, less than `dur` when the machine was busy elsewhere. */
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export interface MainThread {
  /** Time the main thread spent in tasks, in milliseconds. */
  readonly busyMs: number;
  /** CPU time the main thread got for those tasks: on a loaded machine, the steadier figure. */
  readonly cpuMs: number;
  /** The longest single task, in milliseconds. */
  readonly longestMs: number;
  /** The most CPU time any one task got: the longest task as a quiet machine would run it. */
  readonly longestCpuMs: number;
}

/** Starts recording; the returned function stops and summarises. The `toplevel` category is cheap. */
export async function traceMainThread(cdp: CDPSession): Promise<() => Promise<MainThread>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return summarise(events);
  };
}

function summarise(events: readonly TraceEvent[]): MainThread {
  const tasks = topLevelTasks(events, pageMainThread(events));
  let busy = 0;
  let cpu = 0;
  let longest = 0;
  let longestCpu = 0;
  for (const task of tasks) {
    busy += task.dur!;
    cpu += task.tdur ?? task.dur!;
    longest = Math.max(longest, task.dur!);
    longestCpu = Math.max(longestCpu, task.tdur ?? task.dur!);
  }
  return { busyMs: busy / 1000, cpuMs: cpu / 1000, longestMs: longest / 1000, longestCpuMs: longestCpu / 1000 };
}

/** The page's main thread: of the renderer main threads in the trace, the busiest. */
function pageMainThread(events: readonly TraceEvent[]): string {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && isTask(e)) busy.set(key, (busy.get(key) ?? 0) + e.dur!);
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.dur !== undefined;

/** Tasks not nested in another (a nested run loop runs tasks inside a task). */
function topLevelTasks(events: readonly TraceEvent[], thread: string): TraceEvent[] {
  const tasks = events.filter((e) => isTask(e) && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue;
    outer.push(task);
    end = task.ts + task.dur!;
  }
  return outer;
}
