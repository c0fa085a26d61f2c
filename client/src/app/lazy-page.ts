import { lazy, type ComponentType } from 'react';

/** A route's page as its own chunk, loaded when the route is first visited. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
