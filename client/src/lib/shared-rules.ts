import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * Validates a form with the same zod rules the API runs (from @slp/shared). `prepare` turns the
 * form's raw values (empty strings, fields of the other request type) into what the API would get.
 */
export function sharedRules<Form extends FieldValues, Output>(
  rules: z.ZodType<Output>,
  prepare: (values: Form) => unknown = (values) => values,
): Resolver<Form, unknown, Output> {
  const resolve = zodResolver(rules as z.ZodType<Output, FieldValues>);
  return (values, context, options) =>
    resolve(prepare(values) as FieldValues, context, options as never) as ReturnType<Resolver<Form, unknown, Output>>;
}

/** Empty inputs of optional fields mean "not given". */
export function blankToNull<T extends object>(values: T, keys: readonly (keyof T)[]): T {
  const copy = { ...values };
  for (const key of keys) if (copy[key] === '') copy[key] = null as T[keyof T];
  return copy;
}
