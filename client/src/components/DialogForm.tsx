import { useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import { applyUserErrors, type UserErrorLike } from '../lib/form-errors';
import { Dialog } from './Dialog';
import { FormError } from './fields';

interface DialogFormProps<T extends FieldValues, Output> {
  buttonLabel: string;
  title: string;
  submitLabel: string;
  defaultValues: DefaultValues<T>;
  resolver?: Resolver<T, unknown, Output>;
  fieldNames: readonly string[];
  fields: (form: UseFormReturn<T, unknown, Output>) => ReactNode;
  /** Runs the action; the userErrors it returns are shown next to their fields and keep the dialog open. */
  onSubmit: (values: Output) => Promise<readonly UserErrorLike[] | undefined>;
  className?: string;
}

/** A button opening a dialog with a small form (a reason, an authorization ID) for one action. */
export function DialogForm<T extends FieldValues, Output = T>({
  buttonLabel,
  title,
  submitLabel,
  defaultValues,
  resolver,
  fieldNames,
  fields,
  onSubmit,
  className,
}: DialogFormProps<T, Output>) {
  const [open, setOpen] = useState(false);
  const form = useForm<T, unknown, Output>({ defaultValues, resolver });
  const {
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const close = () => {
    setOpen(false);
    reset();
  };
  const submit = handleSubmit(async (values) => {
    try {
      if (!applyUserErrors(await onSubmit(values), setError, fieldNames)) close();
    } catch (error) {
      setError('root.server' as never, { message: (error as Error).message });
    }
  });
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {buttonLabel}
      </button>
      <Dialog open={open} title={title} onClose={close}>
        <form onSubmit={submit} noValidate aria-label={title}>
          {fields(form)}
          <FormError message={(errors.root as { server?: { message?: string } } | undefined)?.server?.message} />
          <div className="actions">
            <button type="submit" className={className} disabled={isSubmitting}>
              {isSubmitting ? 'Working…' : submitLabel}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
