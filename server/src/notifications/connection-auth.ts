import type { EntityManager } from '@mikro-orm/postgresql';
import { resolveViewer, type Credentials } from '../auth/credentials.js';
import type { Viewer } from '../auth/viewer.js';

/**
 * Who a WebSocket connection is: its API token, else its session token (from connectionParams or
 * the upgrade request's cookie). A revoked or unknown credential is nobody, never an error.
 */
export async function authenticate(em: EntityManager, credentials: Credentials,
  viewerForSession?: (token: string) => Promise<Viewer | null>): Promise<Viewer | null> {
  return resolveViewer(em, credentials, viewerForSession).catch(() => null);
}
