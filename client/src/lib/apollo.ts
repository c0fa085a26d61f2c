import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/** The WebSocket URL of the API on this page's own origin (the session cookie rides on the upgrade). */
function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * One client for the SPA: queries and mutations over HTTP, subscriptions over graphql-ws. The
 * session rides on the HTTP-only cookie; the CSRF header tells Apollo Server this is not a simple
 * cross-site form post. The socket opens only while a subscription is active (lazy).
 */
export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } });
  const ws = new GraphQLWsLink(createClient({ url: webSocketUrl(), lazy: true, retryAttempts: 5 }));
  return new ApolloClient({
    link: ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, ws, http),
    cache: new InMemoryCache({
      typePolicies: {
        // Money and contacts have no ID: they belong to the object that holds them.
        Money: { keyFields: false },
        SellerContact: { keyFields: false },
      },
    }),
  });
}
