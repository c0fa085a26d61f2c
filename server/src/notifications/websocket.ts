import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import type { Viewer } from '../auth/viewer.js';
import type { Credentials } from '../auth/credentials.js';
import { authenticate } from './connection-auth.js';
import { SocketLimits } from './socket-limits.js';
import { UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE } from '../db/database-health.js';
import { sha256 } from '../auth/digest.js';
import { contextForViewer } from '../request/context.js';
import { formatError } from '../graphql/errors.js';
import type { LiveEventHub } from './live-events.js';
import type { LiveReads } from './live-reads.js';
import type { OperationGate } from '../limits/operation-gate.js';
import type { LogInThrottle } from '../limits/log-in-throttle.js';
import type { SubscriptionContext } from './subscriptions.resolver.js';

/** connectionParams a client may send: "Bearer <API token>" as authorization, or a session token as authToken. */
type ConnectionParams = { authorization?: unknown; authToken?: unknown } & Record<string, unknown>;
interface Auth {
  credentials: Credentials;
  viewer: Viewer;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  sessionCookie: string;
  /** Where subscriptions hear of events and read what they answer with. */
  live: { hub: LiveEventHub; reads: LiveReads };
  /** The request limits and rate budgets, the same as over HTTP. */
  gate: OperationGate;
  /** Whether a browser page of this origin may open a socket (APP_URL and ALLOWED_ORIGINS). */
  isAllowedOrigin: (origin: string) => boolean;
  /** Log-in throttling, the same as over HTTP: logIn is a mutation a WebSocket can send too. */
  logIns: LogInThrottle;
  /** The client's address by the same rule as HTTP's (TRUST_PROXY and X-Forwarded-For; limits/client-address.ts). */
  clientAddress: (request: http.IncomingMessage) => string;
}

/**
 * graphql-ws on the HTTP server's port and /graphql path. A connection is accepted only with a valid
 * session cookie on the upgrade request or a token in connectionParams; otherwise it is closed with
 * 4403 Forbidden before any operation runs. Upgrades from other sites' pages are refused (403), and
 * frames, connections, operations and unread bytes are bounded (socket-limits.ts). Returns the
 * Apollo plugin that drains it on shutdown.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): ApolloServerPlugin {
  const { limits } = options.gate;
  const sockets = new SocketLimits(limits, options.isAllowedOrigin);
  // maxPayload: ws refuses a larger frame from its header (1009), before buffering it.
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    maxPayload: limits.wsMaxPayloadBytes,
    verifyClient: ({ req }, done) => {
      const refusal = sockets.refuseUpgrade(req);
      if (refusal) done(false, ...refusal);
      else done(true);
    },
  });
  wsServer.on('connection', (socket, request) => {
    if (!sockets.admitAddress(socket, options.clientAddress(request))) return;
    // Checked each second too: a subscriber can fall behind between two of its messages.
    const watch = setInterval(() => sockets.keepsUp(socket), 1_000);
    socket.once('close', () => clearInterval(watch));
  });
  const authOf = new WeakMap<object, Auth>();
  const cleanup = useServer<ConnectionParams>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const credentials: Credentials = {
          authorization: text(ctx.connectionParams?.authorization),
          sessionToken:
            text(ctx.connectionParams?.authToken) ?? parseCookies(ctx.extra.request.headers.cookie ?? '')[options.sessionCookie] ?? null,
        };
        let viewer: Viewer | null;
        try {
          viewer = await authenticate(options.orm.em.fork() as EntityManager, credentials);
        } catch {
          // 1013 Try Again Later: unlike 4403, clients retry it.
          ctx.extra.socket.close(1013, UNAVAILABLE_MESSAGE);
          return false;
        }
        if (!viewer) return false;
        const credential = viewer.apiToken ? `token:${viewer.apiToken.id}` : `session:${sha256(credentials.sessionToken ?? '')}`;
        if (!sockets.admitCredential(ctx.extra.socket, credential)) return false;
        authOf.set(ctx.extra, { credentials, viewer });
        return true;
      },
      // Each operation: its credentials again (a revoked token or ended session stops at once), then
      // the same limits and rate budgets as over HTTP.
      onSubscribe: async (ctx, _id, payload) => {
        // This operation is already counted among the connection's.
        if (Object.keys(ctx.subscriptions).length > limits.wsSubscriptionsPerConnection) {
          return [
            new GraphQLError(`A connection may hold at most ${limits.wsSubscriptionsPerConnection} operations`, {
              extensions: { code: 'LIMIT_EXCEEDED' },
            }),
          ];
        }
        const { credentials } = authOf.get(ctx.extra)!;
        const viewer = await authenticate(options.orm.em.fork() as EntityManager, credentials).catch(() => undefined);
        if (viewer === undefined) return [new GraphQLError(UNAVAILABLE_MESSAGE, { extensions: { code: UNAVAILABLE_CODE } })];
        if (!viewer) return [new GraphQLError('The session has ended', { extensions: { code: 'UNAUTHENTICATED' } })];
        authOf.set(ctx.extra, { credentials, viewer });
        const address = options.clientAddress(ctx.extra.request);
        return options.gate.executionArgs(options.schema, payload, { address, viewer, sessionToken: credentials.sessionToken ?? null });
      },
      context: (ctx): SubscriptionContext => {
        const auth = authOf.get(ctx.extra)!;
        const address = options.clientAddress(ctx.extra.request);
        return {
          ...contextForViewer(options.orm.em.fork() as EntityManager, auth.viewer, address),
          logIns: options.logIns,
          live: { hub: options.live.hub, reads: options.live.reads, credentials: auth.credentials },
        };
      },
      // The same error policy as HTTP: internal details stay in the log.
      onNext: (ctx, _id, _payload, _args, result) => {
        sockets.keepsUp(ctx.extra.socket);
        return result.errors
          ? { ...result, errors: result.errors.map((error: GraphQLError) => formatError(error.toJSON(), error)) }
          : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    },
    wsServer,
  );
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await cleanup.dispose();
        },
      };
    },
  };
}
