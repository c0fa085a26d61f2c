// `pnpm bench:login`: how long a legitimate log-in takes while 20 clients guess passwords at once.
// The app runs in its own process on a fresh database, behind a (pretend) proxy that names each
// client's address in X-Forwarded-For; the real user logs in again and again from its own address
// while the guessers run. `--quick` measures each phase for 4 s instead of 20 s.
import 'reflect-metadata';
import os from 'node:os';
import { Role } from '@slp/shared';
import { AuthService } from '../src/auth/auth.service.js';
import { openDatabase } from '../src/db/orm.js';
import { freshDatabase } from './database.js';
import { ChildServer, serverEnv } from './ipc.js';
import { latencyOf } from './stats.js';

const argv = process.argv.slice(2);
const seconds = Number(argv.includes('--seconds') ? argv[argv.indexOf('--seconds') + 1] : argv.includes('--quick') ? 4 : 20);
const GUESSERS = 20;
const EMAIL = 'real.user@shop.test';
const PASSWORD = 'correct horse battery staple';
const LOG_IN = 'mutation($input: LogInInput!) { logIn(input: $input) { viewer { user { id } } userErrors { code } } }';

type Outcome = 'LOGGED_IN' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | string;

async function logIn(url: string, email: string, password: string, address: string): Promise<{ ms: number; outcome: Outcome }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as {
    data?: { logIn: { viewer: unknown; userErrors: { code: string }[] } };
    errors?: { extensions?: { code?: string } }[];
  };
  const outcome =
    body.errors?.[0]?.extensions?.code ?? (body.data?.logIn.viewer ? 'LOGGED_IN' : (body.data?.logIn.userErrors[0]?.code ?? 'UNKNOWN'));
  return { ms: performance.now() - started, outcome };
}

interface Phase {
  name: string;
  guesserAddress: ((guesser: number, guess: number) => string) | null;
}

const phases: Phase[] = [
  { name: 'no guessing', guesserAddress: null },
  // Each guesser has one address: the per-address throttle stops it after its failures' budget.
  { name: `${GUESSERS} guessers, one address each`, guesserAddress: (guesser) => `198.51.100.${guesser + 1}` },
  // A botnet: a new address for every guess, at unknown accounts, so no throttle ever applies.
  {
    name: `${GUESSERS} guessers, a new address per guess`,
    guesserAddress: (guesser, guess) => `10.${guesser}.${(guess >> 8) & 255}.${guess & 255}`,
  },
];

async function runPhase(url: string, phase: Phase, index: number) {
  const deadline = Date.now() + seconds * 1000;
  const guesses: Record<string, number> = {};
  const guessers = phase.guesserAddress
    ? Array.from({ length: GUESSERS }, async (_, guesser) => {
        for (let guess = 0; Date.now() < deadline; guess += 1) {
          // Unknown accounts (verified against a dummy hash all the same): the real user's account is not locked.
          const { outcome } = await logIn(
            url,
            `nobody-${index}-${guesser}-${guess}@shop.test`,
            `guess ${guess}`,
            phase.guesserAddress!(guesser, guess),
          );
          guesses[outcome] = (guesses[outcome] ?? 0) + 1;
        }
      })
    : [];
  const samples: number[] = [];
  const failures: string[] = [];
  // Let the guessers reach full speed before measuring.
  if (phase.guesserAddress) await new Promise((resolve) => setTimeout(resolve, 1_000));
  while (Date.now() < deadline) {
    const { ms, outcome } = await logIn(url, EMAIL, PASSWORD, '192.0.2.10');
    if (outcome === 'LOGGED_IN') samples.push(ms);
    else failures.push(outcome);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all(guessers);
  return { phase: phase.name, logIns: samples.length, failures, ...latencyOf(samples), guesses };
}

const database = await freshDatabase();
let server: ChildServer | undefined;
try {
  const orm = await openDatabase(database.url, { poolSize: 1 });
  await new AuthService(orm.em.fork()).createUser({ email: EMAIL, password: PASSWORD, name: 'Real User', role: Role.SELLER });
  await orm.close();
  server = await ChildServer.start('./app-process.ts', serverEnv(database.url, { TRUST_PROXY: 'loopback' }));
  const results = [];
  for (const [index, phase] of phases.entries()) {
    console.log(`… ${phase.name} (${seconds} s)`);
    results.push(await runPhase(server.url, phase, index));
  }
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(`\nA legitimate log-in (argon2id verify + session) on ${os.cpus().length} CPUs, load average ${load}:\n`);
  console.log('| phase | log-ins | p50 ms | p99 ms | guesses (outcome: count) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results) {
    const guesses =
      Object.entries(r.guesses)
        .map(([outcome, count]) => `${outcome}: ${count}`)
        .join(', ') || '—';
    console.log(
      `| ${r.phase} | ${r.logIns}${r.failures.length ? ` (refused: ${r.failures.join(', ')})` : ''} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${guesses} |`,
    );
  }
  process.exitCode = results.some((r) => r.failures.length) ? 1 : 0;
} finally {
  await server?.stop();
  await database.drop();
}
