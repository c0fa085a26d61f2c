import type { LeadFilter, LeadOrder, LeadOrderField, OrderDirection } from '../../gql/graphql';
import { PAGE_SIZES } from '../../components/Pager';
import { leadTabs, type LeadTab } from './tabs';

/**
 * Everything a view of the pool is (tab, filters, order, search, page) lives in the URL, so reload,
 * Back and a shared link keep it. Changing what is listed starts again from the first page and
 * keeps the rest.
 */
export interface PoolState {
  tab: LeadTab;
  filter: LeadFilter;
  order: LeadOrder;
  search: string;
  size: number;
  /** Where the page starts: the first page, after or before a cursor, or the last page. */
  at: { after: string } | { before: string } | { last: true } | null;
  page: number;
}

const FILTER_KEYS = ['serviceType', 'productCategory', 'companySize', 'source', 'budgetMin', 'budgetMax'] as const;
const ORDER_FIELDS: LeadOrderField[] = ['RECEIVED', 'BUDGET', 'SHOP_GMV', 'COMPANY_SIZE'];
export const DEFAULT_ORDER: LeadOrder = { field: 'RECEIVED', direction: 'DESC' };

function orderOf(value: string | null): LeadOrder {
  const [field, direction] = (value ?? '').split('.') as [LeadOrderField, OrderDirection];
  return ORDER_FIELDS.includes(field) && (direction === 'ASC' || direction === 'DESC') ? { field, direction } : DEFAULT_ORDER;
}

function atOf(params: URLSearchParams): PoolState['at'] {
  const after = params.get('after');
  const before = params.get('before');
  if (after) return { after };
  if (before) return { before };
  return params.get('last') === '1' ? { last: true } : null;
}

export function readPool(params: URLSearchParams): PoolState {
  const filter: LeadFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (filter as Record<string, string>)[key] = value;
  }
  const size = Number(params.get('size'));
  return {
    tab: leadTabs.find((t) => t.key === params.get('tab')) ?? leadTabs[0],
    filter, order: orderOf(params.get('sort')), search: params.get('q') ?? '',
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[1],
    at: atOf(params), page: Math.max(Number(params.get('page')) || 0, 0),
  };
}

export function poolParams(state: PoolState): URLSearchParams {
  const params = new URLSearchParams({ tab: state.tab.key });
  for (const key of FILTER_KEYS) if (state.filter[key]) params.set(key, String(state.filter[key]));
  if (state.order.field !== DEFAULT_ORDER.field || state.order.direction !== DEFAULT_ORDER.direction) {
    params.set('sort', `${state.order.field}.${state.order.direction}`);
  }
  if (state.search) params.set('q', state.search);
  if (state.size !== PAGE_SIZES[1]) params.set('size', String(state.size));
  if (state.at && 'after' in state.at) params.set('after', state.at.after);
  if (state.at && 'before' in state.at) params.set('before', state.at.before);
  if (state.at && 'last' in state.at) params.set('last', '1');
  if (state.page) params.set('page', String(state.page));
  return params;
}

/** The same view from its first page, with one thing changed. */
export function changed(state: PoolState, change: Partial<Omit<PoolState, 'at' | 'page'>>): PoolState {
  return { ...state, ...change, at: null, page: 0 };
}

/** The page variables of the `leads` query for this view. */
export function pageVariables(state: PoolState) {
  const { at, size } = state;
  if (at && 'after' in at) return { first: size, after: at.after };
  if (at && 'before' in at) return { last: size, before: at.before };
  if (at && 'last' in at) return { last: size };
  return { first: size };
}
