import { useState } from 'react';

interface Payload { userErrors: readonly { message: string }[] }

/**
 * Runs a mutation that returns a payload and keeps its failure (userErrors or a network/GraphQL
 * error) as one message to show next to the action.
 */
export function useActionError() {
  const [error, setError] = useState<string | undefined>();
  const run = async (action: () => Promise<Payload | null | undefined>): Promise<boolean> => {
    setError(undefined);
    try {
      const payload = await action();
      const problems = payload?.userErrors ?? [];
      if (problems.length) setError(problems.map((p) => p.message).join(' '));
      return problems.length === 0;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  return { error, run };
}
