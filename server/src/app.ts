import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appSchema } from './schema/schema.js';
import { formatError } from './graphql/errors.js';
import { jitGateway } from './schema/jit-gateway.js';
import { createLoaders } from './request/loaders.js';
import type { Context } from './request/context.js';
import { SESSION_DAYS } from './auth/auth.service.js';
import { resolveViewer, type Credentials } from './auth/credentials.js';
import { startNotifications, type NotificationSettings, type Notifications } from './notifications/notifications.js';
import { serveSubscriptions } from './notifications/websocket.js';
import { defaultApiLimits, type ApiLimits } from './limits/api-limits.js';
import { limitsPlugin } from './limits/limits.plugin.js';
import { RateLimits } from './limits/rate-limits.js';
import { OperationGate } from './limits/operation-gate.js';
import { LogInThrottle } from './limits/log-in-throttle.js';
import { clientAddress, proxyTrustOf, type ProxyTrust } from './limits/client-address.js';
import { Redis } from 'ioredis';
import { errorHandler, jsonBody, sendError } from './http-errors.js';
import { DatabaseHealth, isDatabaseUnreachable } from './db/database-health.js';
import { databaseHealthPlugin, unavailableGraphQLError, unavailableHttpError } from './db/database-health.plugin.js';
import { leadExportRoute } from './exports/lead-export.route.js';
import { startDeadlineJobs, type DeadlineJobSettings } from './deadlines/deadline-jobs.js';

export const SESSION_COOKIE = 'slp_session';

export interface AppOptions {
  orm: MikroORM;
  port: number;
  production: boolean;
  clientDist?: string;
  notifications?: Partial<NotificationSettings>;
  /** Request limits; the defaults suit production. */
  limits?: Partial<ApiLimits>;
  /** Shares rate limits between processes; unset counts in this process only. */
  redisUrl?: string;
  /** Where users open the app (APP_URL); unset: http://localhost:<port>. Email links point there; WebSockets accept its origin. */
  appUrl?: string;
  /** More origins whose pages may open WebSockets (ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Express's "trust proxy": set behind a load balancer so the client's address is the real one. */
  trustProxy?: string;
  /** The response-deadline worker (deadlines/deadline-jobs.ts). */
  deadlineJobs?: Partial<DeadlineJobSettings>;
}
export interface RunningApp {
  url: string;
  port: number;
  notifications: Notifications;
  close(): Promise<void>;
}

/** Who is asking; a database that cannot be reached for it answers 503 and is marked down. */
async function viewerOrUnavailable(em: EntityManager, credentials: Credentials, health: DatabaseHealth) {
  try {
    return await resolveViewer(em, credentials);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    health.markDown();
    throw unavailableGraphQLError();
  }
}

function contextFor(orm: MikroORM, production: boolean, logIns: LogInThrottle, health: DatabaseHealth, trust: ProxyTrust) {
  return async ({ req, res }: { req: express.Request; res: express.Response }): Promise<Context> => {
    const em = orm.em.fork() as EntityManager;
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null;
    const viewer = await viewerOrUnavailable(em, { authorization: req.headers.authorization, sessionToken: token }, health);
    const cookie = (value: string, maxAge: number) =>
      serializeCookie(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: production,
        path: '/',
        maxAge,
      });
    return {
      em,
      viewer,
      loaders: createLoaders(em, viewer),
      address: clientAddress(req, trust),
      logIns,
      session: {
        token,
        set: (value) => res.append('Set-Cookie', cookie(value, SESSION_DAYS * 86_400)),
        clear: () => res.append('Set-Cookie', cookie('', 0)),
      },
    };
  };
}

/** Serves the SPA's built files, falling back to index.html for client-side routes. */
function serveClient(app: express.Express, dist: string) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return;
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(path.join(dist, 'index.html')));
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const app = express();
  // No ETag on API responses: nothing revalidates a POST, and hashing each body cost ~2% of a page's CPU.
  app.set('etag', false);
  // One rule for the client's address, over HTTP and WebSocket alike (limits/client-address.ts).
  const trust = proxyTrustOf(options.trustProxy);
  app.set('trust proxy', trust);
  const httpServer = http.createServer(app);
  const limits = { ...defaultApiLimits, ...options.limits };
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1 }) : null;
  const rateLimits = new RateLimits(limits, redis);
  const gate = new OperationGate(limits, rateLimits);
  const logIns = new LogInThrottle(limits, redis);
  const health = new DatabaseHealth(options.orm);
  const schema = await appSchema();
  // APP_URL's one reading is the config's; unset, it is this server's own address, known once it listens.
  let appUrl = '';
  const notifications = await startNotifications(options.orm, options.notifications ?? {}, () => appUrl);
  // Known once the server listens (the port may be 0 in tests).
  let allowedOrigins = new Set<string>();
  const subscriptions = serveSubscriptions({
    httpServer,
    schema,
    orm: options.orm,
    live: notifications,
    sessionCookie: SESSION_COOKIE,
    gate,
    logIns,
    isAllowedOrigin: (origin) => allowedOrigins.has(origin),
    clientAddress: (request) => clientAddress(request, trust),
  });
  const deadlineJobs = await startDeadlineJobs(options.orm, options.deadlineJobs);
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    // One operation per request: a batch would multiply the cost that the limits below check.
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    // The process stops the server on its signals (main.ts). Apollo's own handler would stop it a
    // second time concurrently, and Apollo 5.5 never wakes the second stop() once the first succeeds.
    stopOnTerminationSignals: false,
    // No cache hints are used; the default cache-control plugin would still wrap every field.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      subscriptions,
      limitsPlugin(gate),
      databaseHealthPlugin(health),
    ],
  });
  await apollo.start();
  // Liveness: the process serves. Readiness: it can reach its database now.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    if (await health.readyNow()) res.json({ ready: true });
    else sendError(res, unavailableHttpError());
  });
  // While the database is known to be away, nothing waits on a dead pool.
  const whileReachable: express.RequestHandler = (_req, res, next) => {
    if (health.ready) next();
    else sendError(res, unavailableHttpError());
  };
  app.use(
    '/graphql',
    whileReachable,
    jsonBody(),
    expressMiddleware(apollo, { context: contextFor(options.orm, options.production, logIns, health, trust) }),
  );
  app.get(
    '/export/leads.csv',
    whileReachable,
    leadExportRoute({
      orm: options.orm,
      limits,
      rateLimits,
      health,
      sessionCookie: SESSION_COOKIE,
      clientAddress: (request) => clientAddress(request, trust),
    }),
  );
  if (options.clientDist) serveClient(app, options.clientDist);
  app.use(errorHandler);
  await new Promise<void>((resolve) => httpServer.listen(options.port, resolve));
  const port = (httpServer.address() as { port: number }).port;
  appUrl = (options.appUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  allowedOrigins = new Set([appUrl, ...(options.allowedOrigins ?? [])].map((url) => new URL(url).origin));
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    notifications,
    close: async () => {
      health.close();
      await apollo.stop();
      await notifications.close();
      await deadlineJobs.close();
      redis?.disconnect();
    },
  };
}
