import type { EntityManager } from '@mikro-orm/postgresql';
import { resolveViewer, type Credentials } from '../auth/credentials.js';
import type { Viewer } from '../auth/viewer.js';
import { isDatabaseUnreachable } from '../db/database-health.js';

/**
 * Who a WebSocket connection is: its API token, else its session token (from connectionParams or
 * the upgrade request's cookie). A revoked or unknown credential is nobody, never an error; an
 * unreachable database is thrown, for the caller to answer "try again later".
 */
export async function authenticate(
  em: EntityManager,
  credentials: Credentials,
  viewerForSession?: (token: string) => Promise<Viewer | null>,
): Promise<Viewer | null> {
  return resolveViewer(em, credentials, viewerForSession).catch((error: unknown) => {
    if (isDatabaseUnreachable(error)) throw error;
    return null;
  });
}
