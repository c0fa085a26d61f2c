import { ZodError } from 'zod';
import { UserErrorCode, fieldProblems } from '@slp/shared';

export interface Problem { field?: string[] | null; message: string; code: UserErrorCode }

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

  static fromZod(error: ZodError): DomainError {
    return new DomainError(fieldProblems(error).map((p) => ({ ...p, code: UserErrorCode.INVALID })));
  }
}

/** Parses input against shared rules, refusing with every field problem at once. */
export function validate<T>(rules: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const result = rules.safeParse(value);
  if (!result.success) throw DomainError.fromZod(result.error);
  return result.data;
}
