import { useApolloClient, useMutation } from '@apollo/client/react';
import { LogOutMutation } from './operations';

/**
 * After logging in, signing up or out: drops whatever the previous viewer had loaded (another
 * account's requests must not linger) and refetches what is on screen, the viewer first of all.
 */
export function useStartSession() {
  const client = useApolloClient();
  return async () => {
    await client.resetStore();
  };
}

export function useLogOut() {
  const start = useStartSession();
  const [logOut] = useMutation(LogOutMutation);
  return async () => {
    await logOut();
    await start();
  };
}
