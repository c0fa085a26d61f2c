import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One client for the SPA. The session rides on the HTTP-only cookie; the CSRF header tells Apollo
 * Server this is not a simple cross-site form post.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
    cache: new InMemoryCache(),
  });
}
