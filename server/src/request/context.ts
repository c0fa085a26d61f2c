import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { LogInThrottle } from '../limits/log-in-throttle.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Per-request state: its own EntityManager, the viewer, batch loaders and the session cookie. */
export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  /** The client's IP address, for its rate budget. */
  address: string;
  /** Counts failed log-ins; set wherever a client can call logIn (HTTP and WebSocket). */
  logIns?: LogInThrottle;
  session: {
    token: string | null;
    set(token: string): void;
    clear(): void;
  };
}

/** A context outside an HTTP request (an email being composed, a subscription event): no cookie to set. */
export function contextForViewer(em: EntityManager, viewer: Viewer | null, address = 'internal'): Context {
  const noCookie = () => {
    throw new Error('No session cookie outside an HTTP request');
  };
  return { em, viewer, loaders: createLoaders(em, viewer), address, session: { token: null, set: noCookie, clear: noCookie } };
}
