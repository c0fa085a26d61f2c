import { UniqueConstraintViolationException, OptimisticLockError } from '@mikro-orm/core';
import { UserErrorCode } from '@slp/shared';
import { DomainError, type Problem } from '../domain-error.js';

/**
 * Runs a mutation's service call and shapes the payload: the changed object on success, or the
 * refusal as userErrors. Anything unexpected is left to propagate as a GraphQL error.
 */
export async function mutationPayload<T, P extends object>(
  run: () => Promise<T>,
  shape: (value: T) => P,
): Promise<P & { userErrors: Problem[] }> {
  try {
    return { ...shape(await run()), userErrors: [] };
  } catch (error) {
    const problems = expectedProblems(error);
    if (!problems) throw error;
    return { userErrors: problems } as P & { userErrors: Problem[] };
  }
}

function expectedProblems(error: unknown): Problem[] | null {
  if (error instanceof DomainError) return error.problems;
  if (error instanceof OptimisticLockError || error instanceof UniqueConstraintViolationException) {
    return [{ code: UserErrorCode.CONFLICT, message: 'Someone changed this at the same time; reload and try again' }];
  }
  return null;
}
