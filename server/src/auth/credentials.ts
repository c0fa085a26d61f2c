import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiTokensService } from '../api-tokens/api-tokens.service.js';
import { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';

/** What a request brings to say who it is: an Authorization header (API token) and/or a session cookie. */
export interface Credentials {
  /** "Bearer <token>", from the HTTP header or graphql-ws connectionParams.authorization. */
  authorization?: string | null;
  sessionToken?: string | null;
}

const unauthenticated = () =>
  new GraphQLError('Unknown or revoked API token', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * The viewer for HTTP and WebSocket requests alike. An API token, when given, wins over the cookie;
 * an unknown or revoked one is refused outright rather than treated as anonymous, so a dashboard
 * notices at once. A missing or expired session is simply anonymous. `viewerForSession` may look the
 * session up in a batch with others.
 */
export async function resolveViewer(
  em: EntityManager,
  { authorization, sessionToken }: Credentials,
  viewerForSession = (token: string) => sessionViewer(em, token),
): Promise<Viewer | null> {
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const viewer = match ? await new ApiTokensService(em).viewerForSecret(match[1]) : null;
    if (!viewer) throw unauthenticated();
    return viewer;
  }
  return sessionToken ? viewerForSession(sessionToken) : null;
}

const sessionViewer = (em: EntityManager, token: string) => new AuthService(em).viewerForSession(token);
