import { fork, type ChildProcess } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';

interface Command {
  id: number;
  name: string;
}
interface Reply {
  id: number;
  result: unknown;
}

/**
 * Child side: answers the runner's named commands over the IPC channel, or, in an API process
 * (ready null), its primary's (the channel carries the rate limits' messages too).
 */
export function answerCommands(ready: { url: string } | null, handlers: Record<string, () => unknown>): void {
  process.on('message', async (command: Command) => {
    const handler = handlers[command?.name];
    if (handler) process.send!({ id: command.id, result: await handler() } satisfies Reply);
  });
  // A runner that dies must not leave servers behind.
  process.on('disconnect', () => process.exit(0));
  if (ready) process.send!({ ready: ready.url });
}

let nextWorkerCommand = 1;
let heardFromWorkers = false;
const workerReplies = new Map<number, (result: unknown) => void>();

/** A primary's side: one command asked of each API process, their answers in a list. */
export function askWorkers(workers: Worker[], name: string): Promise<number[]> {
  if (!heardFromWorkers) {
    heardFromWorkers = true;
    cluster.on('message', (_worker, reply: Reply) => workerReplies.get(reply?.id)?.(reply.result));
  }
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve) => {
          const id = nextWorkerCommand++;
          workerReplies.set(id, (result) => {
            workerReplies.delete(id);
            resolve(result as number);
          });
          worker.send({ id, name } satisfies Command);
        }),
    ),
  );
}

/** The most memory the process has held so far, in MB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The memory the process holds now, in MB (the soak compares it before and after). */
export const rssMb = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);

/**
 * The JavaScript heap in use after a full collection, in MB: unlike RSS, which V8 grows lazily and
 * seldom returns, it tells a leak from a heap still settling. Servers run with --expose-gc for it.
 */
export const heapAfterGcMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
};

/**
 * RSS right after a full collection, in MB: the memory the process keeps, wherever its heap happens to
 * be in its collection cycle (RSS alone swings by a third between two collections under load).
 */
export const rssAfterGcMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return rssMb();
};

/** CPU time the process has used so far, in ms: per request it shows cost even on a busy machine. */
export const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** What every benchmark server answers besides its own commands. */
export const processCommands = { peakRssMb, rssMb, rssAfterGcMb, heapAfterGcMb, cpuMs };

const builds = new Map<string, Promise<string>>();

/** The bench script built once per run into dist/bench-<name>.mjs. */
function compiled(script: string): Promise<string> {
  let built = builds.get(script);
  if (!built) {
    const name = `bench-${script.replace(/^\.\//, '').replace(/\.ts$/, '').replace(/\//g, '-')}`;
    // Imported here, not at the top: the child processes' bundles hold this file too and never build.
    built = import('../build.js').then(({ buildServer }) => buildServer(path.join('bench', script), name));
    builds.set(script, built);
  }
  return built;
}

/** Production's Node flags (node-flags), or BENCH_NODE_FLAGS instead, to try others (space-separated; empty for none). */
async function serverNodeFlags(): Promise<string[]> {
  const trying = process.env.BENCH_NODE_FLAGS;
  if (trying != null) return trying.split(' ').filter(Boolean);
  const { nodeFlags } = await import('../build.js');
  return nodeFlags();
}

/**
 * The environment every benchmark server runs with: its database, and production's NODE_ENV
 * (graphql-js, for one, checks every instanceof twice unless NODE_ENV says so).
 */
export function serverEnv(databaseUrl: string, more: Record<string, string> = {}): Record<string, string> {
  return { BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production', ...more };
}

/** Runner side: a server in its own Node process, so load generation and serving do not share a thread. */
export class ChildServer {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: Reply) => this.pending.get(message.id)?.(message.result));
  }

  /** Starts a bench script (relative to bench/) compiled and run as production runs the app (build.ts, node-flags). */
  static async start(script: string, env: Record<string, string>): Promise<ChildServer> {
    // BENCH_CPU_PROF=dir writes each server's CPU profile there when it stops, to see where time goes;
    // BENCH_ALLOC_PROF=dir what it allocated (allocation-profile.ts).
    const profile = [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ...(process.env.BENCH_ALLOC_PROF ? ['--import', await compiled('./allocation-profile.ts')] : []),
    ];
    const child = fork(await compiled(script), [], {
      execArgv: [...(await serverNodeFlags()), '--expose-gc', ...profile],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
      child.once('message', (message: { ready: string }) => resolve(new ChildServer(message.ready, child)));
    });
  }

  ask<T>(name: string): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (result) => {
        this.pending.delete(id);
        resolve(result as T);
      });
      this.child.send({ id, name } satisfies Command);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode != null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
