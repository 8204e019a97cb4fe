/**
 * Isolation on the machine's shared services: several engineers and CI may verify at once.
 * - Redis has 16 db indexes for everyone: a project leases one atomically (SET NX with an
 *   expiry on a key in db 0), empties it, and releases it (compare-and-delete) when done.
 * - RabbitMQ queue names are shared: a project gets its own vhost (rabbitmqctl), deleted after.
 * - Databases get names unique to the run and the project.
 * Leftovers of a run that was killed expire (leases) or are removed by the next run (vhosts of
 * processes that no longer exist).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Socket } from 'node:net';
import { mustRun, run } from './harness.test';

/**
 * Redis db indexes the verify suite may lease. 0 holds the leases; 10–15 are kept free for
 * engineers prototyping by hand until those prototypes are done.
 */
export const LEASABLE_REDIS_DBS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
/** Longer than any project's checks take: a killed run's lease frees itself after this. */
const LEASE_SECONDS = 3600;
const LEASE_KEY = (db: number): string => `strata-verify:redis-db:${db}`;
const VHOST_PREFIX = 'strata-verify';

/** Sends commands to the local Redis and returns one reply per command (simple replies only). */
export function redis(commands: ReadonlyArray<readonly string[]>): Promise<Array<string | number | null>> {
  const encode = (parts: readonly string[]): string => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
  return new Promise((done, fail) => {
    const socket = new Socket();
    let buffer = Buffer.alloc(0);
    socket.setTimeout(5_000, () => {
      socket.destroy();
      fail(new Error('Redis did not answer on 127.0.0.1:6379'));
    });
    socket.once('error', fail);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const replies = parseReplies(buffer);
      if (replies && replies.length >= commands.length) {
        socket.end();
        const error = replies.find((r): r is Error => r instanceof Error);
        if (error) fail(error);
        else done(replies as Array<string | number | null>);
      }
    });
    socket.connect(6379, '127.0.0.1', () => socket.write(commands.map(encode).join('')));
  });
}

/** Complete replies in `buffer`, or undefined while one is still arriving. */
function parseReplies(buffer: Buffer): Array<string | number | null | Error> | undefined {
  const out: Array<string | number | null | Error> = [];
  let at = 0;
  while (at < buffer.length) {
    const end = buffer.indexOf('\r\n', at);
    if (end < 0) return undefined;
    const line = buffer.toString('utf8', at + 1, end);
    const type = String.fromCharCode(buffer[at]!);
    at = end + 2;
    if (type === '+') out.push(line);
    else if (type === '-') out.push(new Error(`Redis: ${line}`));
    else if (type === ':') out.push(Number(line));
    else if (type === '$') {
      const length = Number(line);
      if (length < 0) out.push(null);
      else {
        if (buffer.length < at + length + 2) return undefined;
        out.push(buffer.toString('utf8', at, at + length));
        at += length + 2;
      }
    } else throw new Error(`unexpected Redis reply type ${type}`);
  }
  return out;
}

export interface RedisLease {
  readonly db: number;
  release(): Promise<void>;
}

const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Leases a free Redis db index, waiting (bounded) while all are taken; the index starts empty. */
export async function leaseRedisDb(owner: string, waitMs = 15 * 60_000): Promise<RedisLease> {
  const token = `${hostname()}:${process.pid}:${owner}:${randomBytes(4).toString('hex')}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    for (const db of LEASABLE_REDIS_DBS) {
      const [taken] = await redis([['SET', LEASE_KEY(db), token, 'NX', 'EX', String(LEASE_SECONDS)]]);
      if (taken !== 'OK') continue;
      // A run killed before releasing may have left keys behind; the index is ours now.
      await redis([['SELECT', String(db)], ['FLUSHDB']]);
      return {
        db,
        async release() {
          await redis([['SELECT', String(db)], ['FLUSHDB']]);
          await redis([['EVAL', RELEASE_SCRIPT, '1', LEASE_KEY(db), token]]);
        },
      };
    }
    if (Date.now() > deadline) throw new Error(`No Redis db index among ${LEASABLE_REDIS_DBS.join(', ')} came free within ${waitMs / 1000} s (leases are keys ${LEASE_KEY(0).replace(/0$/, '*')} in db 0).`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export interface Vhost {
  readonly name: string;
  remove(): Promise<void>;
}

async function rabbitmqctl(...args: string[]): Promise<string> {
  try {
    return await mustRun('rabbitmqctl', args, { timeoutMs: 120_000 });
  } catch (error) {
    throw new Error(`rabbitmqctl ${args[0]} failed (a RabbitMQ vhost per project needs rabbitmqctl, run as a user allowed to manage RabbitMQ): ${(error as Error).message}`, { cause: error });
  }
}

/** A RabbitMQ vhost of this project alone, on which guest may do everything. */
export async function createVhost(project: string): Promise<Vhost> {
  const name = `${VHOST_PREFIX}-${process.pid}-${project}`;
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl('set_permissions', '-p', name, 'guest', '.*', '.*', '.*');
  return { name, remove: async () => void (await rabbitmqctl('delete_vhost', name)) };
}

/** Deletes vhosts left by verify runs whose process is gone (a run killed before cleaning up). */
export async function removeStaleVhosts(): Promise<void> {
  const listed = await run('rabbitmqctl', ['list_vhosts', '--quiet', '--no-table-headers'], { timeoutMs: 120_000 });
  if (listed.code !== 0) return;
  for (const name of listed.output.split('\n').map((line) => line.trim())) {
    const match = new RegExp(`^${VHOST_PREFIX}-(\\d+)-`).exec(name);
    if (match && !alive(Number(match[1]))) await run('rabbitmqctl', ['delete_vhost', name], { timeoutMs: 120_000 });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A database name unique to this run and project, safe to quote in PostgreSQL and MariaDB. */
export function databaseName(project: string): string {
  return `strata_verify_${project.replace(/[^a-z0-9_]/g, '_')}_${process.pid}`;
}
