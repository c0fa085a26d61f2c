import { afterEach, describe, expect, it, vi } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('the password policy, its checker loaded on first use', () => {
  afterEach(() => {
    vi.useRealTimers();
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

  it('checks again after the idle checker was let go', async () => {
    vi.useFakeTimers();
    expect(await passwordProblem('password1', [])).not.toBeNull();
    vi.advanceTimersByTime(10 * 60_000 + 1);
    expect(await passwordProblem('password1', [])).not.toBeNull();
    expect(await passwordProblem('velvet-orbit-tundra-42', [])).toBeNull();
  });
});
