/**
 * Process, port and service helpers for the verify suite. Every process started here is
 * remembered and killed (with its process group) by `stopAll()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
/** Wheels downloaded from PyPI, kept outside the checkout so that a fresh clone on the same machine reuses them. */
export const PIP_CACHE = process.env.PIP_CACHE_DIR ?? join(homedir(), '.cache', 'strata-pip');
mkdirSync(PIP_CACHE, { recursive: true });

export interface RunResult {
  readonly code: number | null;
  readonly output: string;
}

/** Runs a command to completion (or kills it at the timeout); never throws for a non-zero exit. */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[verify] killed after ${options.timeoutMs} ms`;
      killGroup(child);
    }, options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: -1, output: `${output}\n[verify] could not start ${command}: ${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

/** Like `run`, but a non-zero exit fails with the command and the tail of its output. */
export async function mustRun(command: string, args: readonly string[], options: Parameters<typeof run>[2] = {}): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` exited with ${result.code}:\n${result.output.slice(-6000)}`);
  }
  return result.output;
}

const started = new Set<ChildProcess>();

export interface Background {
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a long-running process (a server, a worker) in its own process group. */
export function start(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Background {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
  started.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    started.delete(child);
    return;
  }
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  killGroup(child, 'SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
  started.delete(child);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...started].map(stopProcess));
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Resolves when something listens on 127.0.0.1:port, else rejects naming the service. */
export function requireService(name: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    const socket = new Socket();
    const failWith = (why: string): void => {
      socket.destroy();
      fail(new Error(`${name} is needed on 127.0.0.1:${port} for this check, but ${why}. Start ${name} and run the verify suite again.`));
    };
    socket.setTimeout(3_000, () => failWith('the connection timed out'));
    socket.once('error', (error) => failWith(`connecting failed (${error.message})`));
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy();
      done();
    });
  });
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A bounded queue: at most `limit` jobs run at once, started in the order they were queued. */
export function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
