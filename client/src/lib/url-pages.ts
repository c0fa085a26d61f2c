import { useSearchParams } from 'react-router';
import { PAGE_SIZES } from '../components/Pager';

/**
 * Where a server-side page starts, kept in the URL so reload and Back return to it: the first page,
 * after or before a cursor, or the last page (with as many rows as are left over, so pages line up);
 * with the page number (keyset pages have no offset, so the pager counts) and the page size.
 */
export type PageAt = { after: string } | { before: string } | { last: number } | null;
export interface UrlPage {
  at: PageAt;
  page: number;
  size: number;
}
export type PageMove = 'first' | 'previous' | 'next' | 'last';
interface PageInfoLike {
  startCursor?: string | null;
  endCursor?: string | null;
}

const DEFAULT_SIZE = PAGE_SIZES[1];

export function readPage(params: URLSearchParams): UrlPage {
  const after = params.get('after');
  const before = params.get('before');
  const size = Number(params.get('size'));
  const known = (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE;
  const last = Math.min(Math.max(Math.trunc(Number(params.get('last'))) || 0, 0), known);
  const at: PageAt = after ? { after } : before ? { before } : last ? { last } : null;
  return { at, page: Math.max(Number(params.get('page')) || 0, 0), size: known };
}

export function writePage(params: URLSearchParams, { at, page, size }: UrlPage): URLSearchParams {
  for (const key of ['after', 'before', 'last', 'page', 'size']) params.delete(key);
  if (at && 'after' in at) params.set('after', at.after);
  if (at && 'before' in at) params.set('before', at.before);
  if (at && 'last' in at) params.set('last', String(at.last));
  if (page) params.set('page', String(page));
  if (size !== DEFAULT_SIZE) params.set('size', String(size));
  return params;
}

/** The connection arguments for this page. */
export function pageVariables({ at, size }: UrlPage) {
  if (at && 'after' in at) return { first: size, after: at.after };
  if (at && 'before' in at) return { last: size, before: at.before };
  if (at && 'last' in at) return { last: at.last };
  return { first: size };
}

/** The page a pager button leads to, from the page on screen. */
export function movedPage(current: UrlPage, to: PageMove, pageInfo: PageInfoLike, totalCount: number): UrlPage {
  const pages = Math.max(Math.ceil(totalCount / current.size), 1);
  if (to === 'next') return { ...current, at: { after: pageInfo.endCursor! }, page: current.page + 1 };
  if (to === 'last') return { ...current, at: { last: totalCount - (pages - 1) * current.size || current.size }, page: pages - 1 };
  if (to === 'previous' && current.page > 1) return { ...current, at: { before: pageInfo.startCursor! }, page: current.page - 1 };
  return { ...current, at: null, page: 0 };
}

/** A list page in the URL, for a page with no other state of its own; `restart` goes back to page one with a change. */
export function useUrlPage() {
  const [params, setParams] = useSearchParams();
  const current = readPage(params);
  const go = (next: UrlPage, change: Record<string, string | null> = {}) => {
    const updated = writePage(new URLSearchParams(params), next);
    for (const [key, value] of Object.entries(change)) {
      if (value) updated.set(key, value);
      else updated.delete(key);
    }
    setParams(updated);
  };
  return {
    params,
    current,
    variables: pageVariables(current),
    move: (to: PageMove, pageInfo: PageInfoLike, totalCount: number) => go(movedPage(current, to, pageInfo, totalCount)),
    setSize: (size: number) => go({ at: null, page: 0, size }),
    restart: (change: Record<string, string | null>) => go({ ...current, at: null, page: 0 }, change),
  };
}
