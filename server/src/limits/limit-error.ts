import { GraphQLError } from 'graphql';

/** A refusal by a limit: a GraphQL error with its own code and HTTP 400. */
export function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
