import { apiProcessCount } from '../src/config.js';
import type { DataSize } from './data/world.js';

export interface BenchSettings {
  quick: boolean;
  scale: number;
  size: DataSize;
  /** Seconds each scenario is measured for, after a short warm-up. */
  seconds: number;
  /** Instead of a duration: this many requests per scenario, no warm-up (the smoke test must not depend on speed). */
  requests?: number;
  /** Concurrent connections for reads (the NEW-tab target is stated at 32) and for writes. */
  readConnections: number;
  writeConnections: number;
  pageSize: number;
  /** followLead runs once per distinct NEW lead. */
  followLeads: number;
  /** Sequential requests per scenario whose SQL statements are counted one by one. */
  samples: number;
  subscribers: number;
  alertSubmits: number;
  /** The soak: seconds of mixed reads and writes, after a warm-up. */
  soakSeconds: number;
  /** Write a JSON report here as well as the table. */
  json?: string;
  /** Run only the scenarios whose name contains this (while profiling one). */
  only?: string;
  /** A JSON report of an earlier run (SCALE=1) to hold this one's figures against. */
  compare?: string;
}

/** `--quick` is the smoke test inside `pnpm test`; SCALE multiplies the default data size. */
export function settingsFrom(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = argv.includes('--quick');
  const valueOf = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const scale = Number(env.SCALE ?? 1);
  if (!(scale > 0)) throw new Error(`SCALE must be a positive number, not ${env.SCALE}`);
  const common = { scale, json: valueOf('--json'), only: valueOf('--only'), compare: valueOf('--compare'), pageSize: 50 };
  const seconds = Number(valueOf('--seconds') ?? (quick ? 1 : 10));
  if (quick) {
    return {
      ...common,
      quick,
      size: { partners: 40, inquiries: 1500, sellers: 300 },
      seconds,
      requests: valueOf('--seconds') ? undefined : 12,
      readConnections: 4,
      writeConnections: 2,
      followLeads: 30,
      samples: 3,
      subscribers: 20,
      alertSubmits: 6,
      soakSeconds: Number(valueOf('--soak-seconds') ?? 20),
    };
  }
  return {
    ...common,
    quick,
    size: { partners: Math.round(2000 * scale), inquiries: Math.round(100_000 * scale), sellers: Math.round(20_000 * scale) },
    seconds,
    readConnections: 32,
    writeConnections: 8,
    followLeads: 1000,
    samples: 10,
    subscribers: 1000,
    alertSubmits: 200,
    soakSeconds: Number(valueOf('--soak-seconds') ?? 600),
  };
}

/** The app's API processes in the benchmark, as production runs it: WEB_CONCURRENCY, else one per core. */
export function benchApiProcesses(env: NodeJS.ProcessEnv = process.env): number {
  return apiProcessCount(env.WEB_CONCURRENCY, true);
}
