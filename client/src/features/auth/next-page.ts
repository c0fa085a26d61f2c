/** The page a visitor was sent to log in from: only a path of this app (no open redirect). */
export function nextPage(params: URLSearchParams): string | null {
  const next = params.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** Why the log-in page was shown, in the visitor's terms; null when they came on their own. */
export function whyLogIn(next: string | null): string | null {
  if (!next) return null;
  if (next.startsWith('/requests/new')) {
    return 'To contact a partner, log in or sign up as a seller. The service you chose stays selected.';
  }
  return 'Log in to open that page; you will be taken back to it.';
}

/** The sign-up link that keeps where the visitor was going. */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}${path.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}` : path;
}
