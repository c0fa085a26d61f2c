import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's score of 2 ("somewhat guessable", about a million guesses or more) or better: OWASP's
 * advice is to refuse common and guessable passwords rather than demand character classes. Its
 * dictionaries are ~1 MB, which is why this runs on the server and not in the SPA's shared rules.
 */
const MIN_SCORE = 2;

const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** Why a password is too easy to guess (given the account's own email and name), or null when it is fine. */
export function passwordProblem(password: string, userInputs: string[]): string | null {
  const result = strength.check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `This password is too easy to guess. ${why || 'Add more words that are less common.'}`.trim();
}
