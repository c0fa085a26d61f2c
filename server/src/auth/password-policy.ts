import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * zxcvbn's score of 2 ("somewhat guessable", about a million guesses or more) or better: OWASP's
 * advice is to refuse common and guessable passwords rather than demand character classes. Its
 * dictionaries are ~1 MB, which is why this runs on the server and not in the SPA's shared rules.
 */
const MIN_SCORE = 2;

/** How long the checker is kept after the last password it checked. */
const KEEP_MS = 10 * 60_000;

async function loadChecker(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
}

/**
 * Loaded when a password is first checked, not at start: the dictionaries and the checker's ranked
 * copies of them are 24 MB of heap (31 MB of RSS for the modules alone), which a process serving
 * pages never needs. The checker is let go after KEEP_MS without a check.
 */
let checker: Promise<ZxcvbnFactory> | null = null;
let release: NodeJS.Timeout | undefined;

function passwordChecker(): Promise<ZxcvbnFactory> {
  checker ??= loadChecker().catch((error: unknown) => {
    checker = null;
    throw error;
  });
  clearTimeout(release);
  release = setTimeout(() => (checker = null), KEEP_MS).unref();
  return checker;
}

/** Why a password is too easy to guess (given the account's own email and name), or null when it is fine. */
export async function passwordProblem(password: string, userInputs: string[]): Promise<string | null> {
  const result = (await passwordChecker()).check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `This password is too easy to guess. ${why || 'Add more words that are less common.'}`.trim();
}
