import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultApiLimits } from './api-limits.js';
import { LogInThrottle } from './log-in-throttle.js';
import { QueueFull, VerifyQueue } from './verify-queue.js';

/** A verification the test finishes when it wants, recording when it started. */
function gate(log: string[], name: string, result: string | null = null) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    finish,
    verify: async () => {
      log.push(name);
      await done;
      return result;
    },
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the verification queue', () => {
  it('runs at most its concurrency at once, the rest in turn, priority ones first', async () => {
    const queue = new VerifyQueue(2);
    const log: string[] = [];
    const tasks = Object.fromEntries(['a', 'b', 'c', 'd', 'p'].map((name) => [name, gate(log, name)]));
    const runs = [
      queue.run(false, tasks.a.verify),
      queue.run(false, tasks.b.verify),
      queue.run(false, tasks.c.verify),
      queue.run(false, tasks.d.verify),
    ];
    await settle();
    expect(log).toEqual(['a', 'b']);
    expect(queue.waiting).toBe(2);
    runs.push(queue.run(true, tasks.p.verify));
    tasks.a.finish();
    await settle();
    expect(log).toEqual(['a', 'b', 'p']);
    tasks.b.finish();
    tasks.p.finish();
    await settle();
    expect(log).toEqual(['a', 'b', 'p', 'c', 'd']);
    tasks.c.finish();
    tasks.d.finish();
    await Promise.all(runs);
    expect(queue.waiting).toBe(0);
  });

  it('refuses an ordinary verification past maxWaiting, never a priority one', async () => {
    const queue = new VerifyQueue(1, 2);
    const log: string[] = [];
    const tasks = Object.fromEntries(['a', 'b', 'c', 'p'].map((name) => [name, gate(log, name)]));
    const runs = [queue.run(false, tasks.a.verify), queue.run(false, tasks.b.verify), queue.run(false, tasks.c.verify)];
    await settle();
    expect(queue.full).toBe(true);
    await expect(queue.run(false, async () => 'never')).rejects.toThrow(QueueFull);
    runs.push(queue.run(true, tasks.p.verify));
    expect(queue.waiting).toBe(3);
    for (const task of Object.values(tasks)) task.finish();
    await Promise.all(runs);
    expect(log).toEqual(['a', 'p', 'b', 'c']);
    expect(queue.full).toBe(false);
  });

  it('gives the place on when a verification throws', async () => {
    const queue = new VerifyQueue(1);
    await expect(
      queue.run(false, async () => {
        throw new Error('broken hash');
      }),
    ).rejects.toThrow('broken hash');
    expect(await queue.run(false, async () => 'next')).toBe('next');
  });
});

describe('log-in verifications', () => {
  it("put an account's log-in from an address it logged in from before ahead of waiting guesses", async () => {
    const throttle = new LogInThrottle({ ...defaultApiLimits, logInVerifications: 1 });
    const log: string[] = [];
    // The real user logs in once from home: home becomes a known place for the account.
    const first = gate(log, 'real user, first time', 'user');
    const firstRun = throttle.attempt('real@shop.test', '192.0.2.10', first.verify);
    await settle();
    first.finish();
    expect(await firstRun).toBe('user');

    const guesses = Array.from({ length: 4 }, (_, n) => gate(log, `guess ${n}`));
    const guessRuns = guesses.map((guess, n) => throttle.attempt(`nobody${n}@shop.test`, `198.51.100.${n}`, guess.verify));
    await settle();
    const again = gate(log, 'real user, from home', 'user');
    const fromHome = throttle.attempt('real@shop.test', '192.0.2.10', again.verify);
    // The same account from an address it never logged in from waits like any other attempt.
    const elsewhere = gate(log, 'real user, elsewhere', 'user');
    const fromElsewhere = throttle.attempt('real@shop.test', '203.0.113.77', elsewhere.verify);
    await settle();
    expect(log).toEqual(['real user, first time', 'guess 0']);
    guesses[0].finish();
    await settle();
    expect(log.at(-1)).toBe('real user, from home');
    again.finish();
    for (const guess of guesses) guess.finish();
    elsewhere.finish();
    await Promise.all([...guessRuns, fromHome, fromElsewhere]);
    expect(log.slice(2)).toEqual(['real user, from home', 'guess 1', 'guess 2', 'guess 3', 'real user, elsewhere']);
  });

  it('refuse a log-in from an unknown place with RATE_LIMITED while too many wait, and give its points back', async () => {
    const throttle = new LogInThrottle({ ...defaultApiLimits, logInVerifications: 1, logInWaiting: 1, logInFailuresPerAddress: 3 });
    const log: string[] = [];
    const held = [gate(log, 'running'), gate(log, 'waiting')];
    const runs = held.map((task, n) => throttle.attempt(`guess${n}@shop.test`, '198.51.100.1', task.verify));
    await settle();
    const refused = await throttle.attempt('third@shop.test', '198.51.100.1', async () => 'never').catch((error: GraphQLError) => error);
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).message).toBe('Too many log-ins are waiting: try again in 2 s');
    expect((refused as GraphQLError).extensions.code).toBe('RATE_LIMITED');
    for (const task of held) task.finish();
    await Promise.all(runs);
    // Two failures counted of three: the refused attempt cost the address nothing, so one more is heard.
    const heard = gate(log, 'heard');
    heard.finish();
    expect(await throttle.attempt('fourth@shop.test', '198.51.100.1', heard.verify)).toBeNull();
    expect(log).toEqual(['running', 'waiting', 'heard']);
  });
});
