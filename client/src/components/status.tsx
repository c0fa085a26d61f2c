import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNotice({ error, what }: { error: { message: string }; what: string }) {
  return (
    <p className="status status-error" role="alert">
      Could not load {what}: {error.message}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status status-empty">{children}</p>;
}

/**
 * The three states every query page has before its data: loading, failed, or nothing to show. Returns
 * null once there is data to render.
 */
export function queryState(what: string, state: { loading: boolean; error?: { message: string } | null; data?: unknown }) {
  if (state.error) return <ErrorNotice error={state.error} what={what} />;
  if (state.loading && !state.data) return <Loading what={what} />;
  return null;
}
