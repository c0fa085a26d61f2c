import { afterEach, describe, expect, it, vi } from 'vitest';
import { passwordProblem } from './password-policy.js';

// The real zxcvbn, with its checker's constructor counted: when the checker is built shows when it loads.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('@zxcvbn-ts/core', async (importOriginal) => {
  const real = await importOriginal<typeof import('@zxcvbn-ts/core')>();
  class CountedFactory extends real.ZxcvbnFactory {
    constructor(...args: ConstructorParameters<typeof real.ZxcvbnFactory>) {
      super(...args);
      built.count += 1;
    }
  }
  return { ...real, ZxcvbnFactory: CountedFactory };
});

describe('the password policy, its checker loaded on first use', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('builds no checker until a password is checked, then keeps the one it built', async () => {
    // Long enough for a checker loading at import to be built by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(built.count).toBe(0);
    expect(await passwordProblem('velvet-orbit-tundra-42', [])).toBeNull();
    expect(await passwordProblem('velvet-orbit-tundra-43', [])).toBeNull();
    expect(built.count).toBe(1);
  });

  it('refuses a common password with zxcvbn’s reason and takes a long unusual one', async () => {
    expect(await passwordProblem('password1', [])).toBe(
      'This password is too easy to guess. This is a commonly used password. Add more words that are less common.',
    );
    expect(await passwordProblem('velvet-orbit-tundra-42', [])).toBeNull();
  });

  it('counts what the account itself says (its email and name) as guessable', async () => {
    expect(await passwordProblem('quintrello77', [])).toBeNull();
    expect(await passwordProblem('quintrello77', ['zq@shop.test', 'quintrello77'])).toBe(
      'This password is too easy to guess. There should not be any personal or page related data. Add more words that are less common.',
    );
  });

  it('lets the checker go after 10 idle minutes and builds a new one for the next password', async () => {
    vi.useFakeTimers();
    expect(await passwordProblem('password1', [])).not.toBeNull();
    const before = built.count;
    vi.advanceTimersByTime(10 * 60_000 - 1);
    expect(await passwordProblem('password1', [])).not.toBeNull();
    expect(built.count).toBe(before);
    vi.advanceTimersByTime(10 * 60_000 + 1);
    expect(await passwordProblem('velvet-orbit-tundra-42', [])).toBeNull();
    expect(built.count).toBe(before + 1);
  });
});
