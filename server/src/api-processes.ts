import cluster, { type Worker } from 'node:cluster';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';

export interface ApiProcesses {
  /** The port every process listens on (node:cluster hands each new connection to the next one, round robin). */
  port: number;
  /** The processes serving now: one that died has been replaced. */
  workers(): Worker[];
  /** SIGTERM to each (each closes as a lone server does), SIGKILL after 10 s; resolved once all have exited. */
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 1000;
/** Under main.ts's stop deadline (15 s), so the primary never exits before the processes it started. */
const STOP_GRACE_MS = 10_000;

/** Set in the environment of the one API process that runs the server's background work. */
const BACKGROUND_WORK = 'SLP_BACKGROUND_WORK';

/**
 * Whether this process delivers emails and webhooks and runs the deadline jobs: a lone server does,
 * and of several API processes exactly one. That work is safe in several processes, but each would
 * claim its own smaller batches of the same rows: about 2.0 background statements a submit with two
 * processes against 0.8 with one (docs/performance.md).
 */
export function runsBackgroundWork(): boolean {
  return cluster.isPrimary || process.env[BACKGROUND_WORK] === '1';
}

/** startApp's options that turn the background work on or off: by default, on where runsBackgroundWork says. */
export function backgroundWork(run = runsBackgroundWork()): { notifications: { deliver: boolean }; deadlineJobs: { run: boolean } } {
  return { notifications: { deliver: run }, deadlineJobs: { run } };
}

/**
 * Runs `count` copies of this script as API processes sharing one port: Node runs JavaScript on one
 * core per process, and a page of leads is CPU-bound in the app (docs/performance.md). Each process
 * is a whole server on the same database, and one of them also runs the background work (the one
 * that replaces it when it dies takes it over); without Redis, this primary keeps the rate limits for
 * them all. The script tells the two roles apart by `cluster.isWorker`.
 */
export async function startApiProcesses(count: number, env: Record<string, string>): Promise<ApiProcesses> {
  new RateLimiterClusterMaster();
  let stopping = false;
  let background: Worker | undefined;
  const fork = () => {
    if (background) return cluster.fork(env);
    background = cluster.fork({ ...env, [BACKGROUND_WORK]: '1' });
    console.log(`API process ${background.process.pid} runs the background work (emails, webhooks, deadline jobs)`);
    return background;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (worker === background) background = undefined;
    if (stopping) return;
    console.error(`API process ${worker.process.pid} exited (${signal ?? code}): starting another`);
    setTimeout(fork, RESTART_DELAY_MS).unref();
  });
  const listening = Array.from({ length: count }, () => {
    const worker = fork();
    return new Promise<number>((resolve, reject) => {
      worker.once('listening', (address) => resolve(address.port));
      worker.once('exit', (code) => reject(new Error(`API process ${worker.process.pid} exited with ${code} before it listened`)));
    });
  });
  const workers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  const stop = async () => {
    stopping = true;
    await Promise.all(workers().map(stopWorker));
  };
  try {
    const [port] = await Promise.all(listening);
    return { port, workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * SIGTERM, then SIGKILL to a process not gone within the grace period: one that hangs on its
 * SIGTERM would otherwise outlive the primary.
 */
function stopWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.process.kill('SIGTERM');
  const deadline = setTimeout(() => {
    console.error(`API process ${worker.process.pid} did not stop within ${STOP_GRACE_MS / 1000} s: killing it`);
    worker.process.kill('SIGKILL');
  }, STOP_GRACE_MS);
  return exited.finally(() => clearTimeout(deadline));
}
