import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { DatabaseHealth, isDatabaseUnreachable, RETRY_AFTER_SECONDS, UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE } from './database-health.js';
import { HttpError } from '../http-errors.js';

/** The answer while the database is away: HTTP 503, Retry-After, a code. */
export const unavailableHttpError = () =>
  new HttpError(503, UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE, { 'retry-after': String(RETRY_AFTER_SECONDS) });

export const unavailableGraphQLError = () =>
  new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { code: UNAVAILABLE_CODE, http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });

/**
 * A request whose resolvers met a connection failure marks the database down and is answered as
 * unavailable (503, Retry-After, SERVICE_UNAVAILABLE) instead of with internal errors.
 */
export function databaseHealthPlugin(health: DatabaseHealth): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (!errors?.some(isDatabaseUnreachable)) return;
          health.markDown();
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          if (response.body.kind !== 'single') return;
          response.body.singleResult.errors = response.body.singleResult.errors?.map((error) =>
            error.extensions?.code === 'INTERNAL_SERVER_ERROR'
              ? { ...error, message: UNAVAILABLE_MESSAGE, extensions: { code: UNAVAILABLE_CODE } }
              : error,
          );
        },
      };
    },
  };
}
