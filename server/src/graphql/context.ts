import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

/** Per-request state: its own EntityManager, the viewer, batch loaders and the session cookie. */
export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  session: {
    token: string | null;
    set(token: string): void;
    clear(): void;
  };
}
