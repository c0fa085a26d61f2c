import { useState } from 'react';
import { useToast } from '../components/toasts';

interface Payload {
  userErrors: readonly { message: string }[];
}

/**
 * Runs a mutation that returns a payload: its failure (userErrors or a network/GraphQL error) is
 * kept as one message to show next to the action, and its success, when `done` says how, is
 * announced in a toast. Every action answers one way or the other.
 */
export function useActionError() {
  const notify = useToast();
  const [error, setError] = useState<string | undefined>();
  const run = async <P extends Payload>(
    action: () => Promise<P | null | undefined>,
    done?: string | ((payload: P) => string),
  ): Promise<boolean> => {
    setError(undefined);
    try {
      const payload = await action();
      const problems = payload?.userErrors ?? [];
      if (problems.length) setError(problems.map((p) => p.message).join(' '));
      else if (payload && done) notify(typeof done === 'string' ? done : done(payload));
      return problems.length === 0;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  return { error, run };
}
