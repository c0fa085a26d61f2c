import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type express from 'express';
import { GraphQLError } from 'graphql';
import { parse as parseCookies } from 'cookie';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { UserErrorCode } from '@slp/shared';
import { resolveViewer } from '../auth/credentials.js';
import type { Viewer } from '../auth/viewer.js';
import { DatabaseHealth, isDatabaseUnreachable } from '../db/database-health.js';
import { unavailableHttpError } from '../db/database-health.plugin.js';
import { DomainError } from '../domain-error.js';
import { HttpError, sendError } from '../http-errors.js';
import type { ApiLimits } from '../limits/api-limits.js';
import { clientKeys } from '../limits/operation-gate.js';
import type { RateLimits } from '../limits/rate-limits.js';
import { parseLeadExportQuery, prepareLeadExport, requireExporter } from './lead-export.js';

export interface LeadExportRouteOptions {
  orm: MikroORM;
  limits: ApiLimits;
  rateLimits: RateLimits;
  health: DatabaseHealth;
  sessionCookie: string;
  /** The client's address by the app's one rule (limits/client-address.ts), for the rate limits. */
  clientAddress: (request: express.Request) => string;
}

const statusOf: Partial<Record<UserErrorCode, number>> = {
  [UserErrorCode.UNAUTHENTICATED]: 401,
  [UserErrorCode.FORBIDDEN]: 403,
  [UserErrorCode.INVALID]: 400,
};

/** A refusal from the export's rules, the viewer's credentials or the rate limits as an HTTP error with a code. */
function asHttpError(error: unknown): HttpError | null {
  if (error instanceof DomainError) {
    const { code } = error.problems[0];
    return new HttpError(statusOf[code] ?? 400, code, error.message);
  }
  if (error instanceof GraphQLError) {
    const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
    const code = String(error.extensions.code ?? 'BAD_REQUEST');
    if (http?.status) return new HttpError(http.status, code, error.message, Object.fromEntries(http.headers ?? []));
  }
  return null;
}

/**
 * `GET /export/leads.csv`: who is asking (the session cookie or an API token, as for /graphql), the
 * export's rules and its parameters, one charge to the client's rate budgets, then the CSV streamed
 * with backpressure. A failure after the first byte cuts the response short (no last chunk), so a
 * client never mistakes a partial file for a whole one.
 */
export function leadExportRoute(options: LeadExportRouteOptions): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const em = options.orm.em.fork() as EntityManager;
      const sessionToken = parseCookies(req.headers.cookie ?? '')[options.sessionCookie] ?? null;
      let viewer: Viewer | null;
      try {
        viewer = await resolveViewer(em, { authorization: req.headers.authorization, sessionToken });
      } catch (error) {
        if (!isDatabaseUnreachable(error)) throw error;
        options.health.markDown();
        throw unavailableHttpError();
      }
      requireExporter(viewer);
      const request = parseLeadExportQuery(req.query as Record<string, unknown>);
      const run = prepareLeadExport(em, viewer, request, options.limits.exportChunkRows);
      await options.rateLimits.charge(clientKeys({ address: options.clientAddress(req), viewer, sessionToken }), options.limits.exportCost);
      res.status(200).set({
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${run.fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      await pipeline(Readable.from(run.chunks(), { objectMode: false }), res);
    } catch (error) {
      if (res.headersSent) {
        if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('CSV export failed while streaming', error);
        res.destroy();
        return;
      }
      const known = error instanceof HttpError ? error : asHttpError(error);
      if (known) sendError(res, known);
      else next(error);
    }
  };
}
