import { describe, expect, it } from 'vitest';
import { checkRules, createApiTokenRules, rejectLeadRules, signUpPartnerRules, signUpSellerRules } from './validation.js';

const seller = { email: 'a@b.test', password: 'correct horse battery', name: 'Dana' };
const problemsOf = (result: ReturnType<typeof checkRules>) => result.problems ?? [];

describe('control characters', () => {
  it.each([
    ['a NUL', 'Da\u0000na'],
    ['a bell', 'Da\u0007na'],
    ['a DEL', 'Da\u007fna'],
    ['a C1 control', 'Da\u0085na'],
    ['a line break', 'Da\nna'],
  ])('refuses %s in a name with a field error', (_what, name) => {
    expect(problemsOf(checkRules(signUpSellerRules, { ...seller, name }))).toEqual([
      { field: ['name'], message: 'Name must not contain control characters' },
    ]);
  });

  it('keeps line breaks and tabs in multi-line text, refuses a NUL there', () => {
    expect(checkRules(rejectLeadRules, { note: 'first line\n\tsecond' })).toEqual({ data: { note: 'first line\n\tsecond' } });
    expect(problemsOf(checkRules(rejectLeadRules, { note: 'a\u0000b' }))).toEqual([
      { field: ['note'], message: 'Note must not contain control characters' },
    ]);
  });

  it('refuses a NUL in a password', () => {
    expect(problemsOf(checkRules(signUpSellerRules, { ...seller, password: 'correct\u0000horse battery' }))).toEqual([
      { field: ['password'], message: 'Password must not contain control characters' },
    ]);
  });
});

describe('names', () => {
  it('normalises to NFKC and removes invisible characters', () => {
    const parsed = checkRules(signUpPartnerRules, {
      ...seller,
      name: 'Ｄａｎａ',
      organizationName: 'Bright\u200blane\u2060 Commerce\ufeff',
      contactEmail: 'c@b.test',
    });
    expect(parsed).toMatchObject({ data: { name: 'Dana', organizationName: 'Brightlane Commerce' } });
  });

  it.each([
    ['zero-width characters', '\u200b\u200c\u200d\ufeff'],
    ['a soft hyphen and spaces', ' \u00ad '],
  ])('refuses a name of only %s as empty', (_what, name) => {
    expect(problemsOf(checkRules(signUpSellerRules, { ...seller, name }))).toEqual([{ field: ['name'], message: 'Name is required' }]);
  });

  it.each([
    ['a right-to-left override', 'Bright\u202elane'],
    ['an isolate', '\u2067Brightlane\u2069'],
    ['a direction mark', 'Bright\u200flane'],
  ])('refuses %s', (_what, name) => {
    expect(problemsOf(checkRules(createApiTokenRules, { name, scope: 'READ_ONLY' }))).toEqual([
      { field: ['name'], message: 'Token name must not contain text-direction control characters' },
    ]);
  });
});
