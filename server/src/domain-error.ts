import { UserErrorCode, checkRules } from '@slp/shared';

export interface Problem {
  field?: string[] | null;
  message: string;
  code: UserErrorCode;
}

/**
 * An expected refusal by a domain rule (bad input, wrong state, not allowed). Services throw it;
 * the API turns it into `userErrors` so the caller sees the code and the field it concerns.
 */
export class DomainError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('; '));
  }

  static of(code: UserErrorCode, message: string, field?: string[]): DomainError {
    return new DomainError([{ code, message, field }]);
  }
}

/** Parses input against the rules shared with the SPA, refusing with every field problem at once. */
export function validate<T>(rules: Parameters<typeof checkRules<T>>[0], value: unknown): T {
  const result = checkRules(rules, value);
  if (result.problems) throw new DomainError(result.problems.map((p) => ({ ...p, code: UserErrorCode.INVALID })));
  return result.data;
}
