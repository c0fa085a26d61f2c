import { useApolloClient } from '@apollo/client/react';
import { useMutation } from '@apollo/client/react';
import { ViewerQuery, type ViewerData } from './viewer';
import { LogOutMutation } from './operations';

/**
 * Puts the new viewer into the cache after logging in or signing up, after dropping whatever the
 * previous viewer had loaded (another account's requests must not linger).
 */
export function useStartSession() {
  const client = useApolloClient();
  return async (viewer: ViewerData | null | undefined) => {
    await client.clearStore();
    client.writeQuery({ query: ViewerQuery, data: { viewer: viewer ?? null } });
  };
}

export function useLogOut() {
  const start = useStartSession();
  const [logOut] = useMutation(LogOutMutation);
  return async () => {
    await logOut();
    await start(null);
  };
}
