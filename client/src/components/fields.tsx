import { useId, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface FieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** Ties a control to its label, hint and error so screen readers announce them together. */
function FieldShell({
  label,
  error,
  hint,
  required,
  render,
}: Omit<FieldProps, 'registration'> & {
  render: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
      {render({ id, describedBy })}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField({ label, registration, error, hint, required, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      required={required}
      render={({ id, describedBy }) => (
        <input id={id} aria-invalid={!!error} aria-required={required} aria-describedby={describedBy} {...input} {...registration} />
      )}
    />
  );
}

export function TextAreaField({
  label,
  registration,
  error,
  hint,
  required,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      required={required}
      render={({ id, describedBy }) => (
        <textarea
          id={id}
          rows={4}
          aria-invalid={!!error}
          aria-required={required}
          aria-describedby={describedBy}
          {...input}
          {...registration}
        />
      )}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  registration,
  error,
  hint,
  required,
  options,
  placeholder,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      required={required}
      render={({ id, describedBy }) => (
        <select id={id} aria-invalid={!!error} aria-required={required} aria-describedby={describedBy} {...select} {...registration}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A value the seller cannot change any more, shown where its input would be. */
export function LockedField({ label, value, reason }: { label: string; value: ReactNode; reason: string }) {
  const id = useId();
  return (
    <div className="field field-locked">
      <span className="label" id={id}>
        {label} <span className="lock">locked</span>
      </span>
      <div aria-labelledby={id} aria-describedby={`${id}-reason`}>
        {value}
      </div>
      <small id={`${id}-reason`} className="hint">
        {reason}
      </small>
    </div>
  );
}

/** An error about the whole form (or no known field), announced as soon as it appears. */
export function FormError({ message }: { message?: string }) {
  return (
    <div className="form-error" role="alert" aria-live="assertive">
      {message}
    </div>
  );
}
