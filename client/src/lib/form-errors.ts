import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code?: string;
}

/**
 * Shows the API's userErrors next to the field they concern; errors about no known field (or about
 * the whole request) go to the form's root error. Returns true when there were any.
 */
export function applyUserErrors<T extends FieldValues>(
  errors: readonly UserErrorLike[] | undefined,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  if (!errors?.length) return false;
  for (const error of errors) {
    const field = error.field?.[0];
    if (field && fields.includes(field)) setError(field as Path<T>, { type: error.code ?? 'server', message: error.message });
    else setError('root.server' as Path<T>, { type: error.code ?? 'server', message: error.message });
  }
  return true;
}
