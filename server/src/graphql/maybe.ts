/**
 * A value now or later. Access rules and loaders answer with a plain value when they already know
 * it: graphql-js completes an object whose fields are all plain values in one pass, while a single
 * promise among them costs the object a promise chain of its own. (Not named `then`: a module
 * exporting `then` is itself a thenable to dynamic import.)
 */
export type Maybe<T> = T | Promise<T>;

export const isPromise = <T>(value: Maybe<T>): value is Promise<T> => typeof (value as Promise<T>)?.then === 'function';

/** Continues with a value that may or may not be a promise, staying synchronous when it is not. */
export function andThen<T, R>(value: Maybe<T>, next: (value: T) => Maybe<R>): Maybe<R> {
  return isPromise(value) ? value.then(next) : next(value);
}
