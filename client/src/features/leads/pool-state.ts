import type { LeadFilter, LeadOrder, LeadOrderField, OrderDirection } from '../../gql/graphql';
import { readPage, writePage, type UrlPage } from '../../lib/url-pages';
import { leadTabs, type LeadTab } from './tabs';

/**
 * Everything a view of the pool is (tab, filters, order, search, page) lives in the URL, so reload,
 * Back and a shared link keep it. Changing what is listed starts again from the first page and
 * keeps the rest.
 */
export interface PoolState extends UrlPage {
  tab: LeadTab;
  filter: LeadFilter;
  order: LeadOrder;
  search: string;
}

const FILTER_KEYS = ['serviceType', 'productCategory', 'companySize', 'source', 'budgetMin', 'budgetMax'] as const;
const ORDER_FIELDS: LeadOrderField[] = ['RECEIVED', 'BUDGET', 'SHOP_GMV', 'COMPANY_SIZE'];
export const DEFAULT_ORDER: LeadOrder = { field: 'RECEIVED', direction: 'DESC' };

function orderOf(value: string | null): LeadOrder {
  const [field, direction] = (value ?? '').split('.') as [LeadOrderField, OrderDirection];
  return ORDER_FIELDS.includes(field) && (direction === 'ASC' || direction === 'DESC') ? { field, direction } : DEFAULT_ORDER;
}

export function readPool(params: URLSearchParams): PoolState {
  const filter: LeadFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (filter as Record<string, string>)[key] = value;
  }
  return {
    tab: leadTabs.find((t) => t.key === params.get('tab')) ?? leadTabs[0],
    filter,
    order: orderOf(params.get('sort')),
    search: params.get('q') ?? '',
    ...readPage(params),
  };
}

export function poolParams(state: PoolState): URLSearchParams {
  const params = new URLSearchParams({ tab: state.tab.key });
  for (const key of FILTER_KEYS) if (state.filter[key]) params.set(key, String(state.filter[key]));
  if (state.order.field !== DEFAULT_ORDER.field || state.order.direction !== DEFAULT_ORDER.direction) {
    params.set('sort', `${state.order.field}.${state.order.direction}`);
  }
  if (state.search) params.set('q', state.search);
  return writePage(params, state);
}

/** The same view from its first page, with one thing changed. */
export function changed(state: PoolState, change: Partial<Omit<PoolState, 'at' | 'page'>>): PoolState {
  return { ...state, ...change, at: null, page: 0 };
}

/**
 * The server's CSV export of this view (GET /export/leads.csv): the tab with its filters, order and
 * search, every row rather than the page shown. Rejected leads are never searched, as on screen.
 */
export function exportHref(state: PoolState): string {
  const params = new URLSearchParams({ status: state.tab.status });
  for (const key of FILTER_KEYS) if (state.filter[key]) params.set(key, String(state.filter[key]));
  if (state.order.field !== DEFAULT_ORDER.field || state.order.direction !== DEFAULT_ORDER.direction) {
    params.set('orderBy', state.order.field);
    params.set('direction', state.order.direction);
  }
  if (state.search && state.tab.status !== 'REJECTED') params.set('search', state.search);
  return `/export/leads.csv?${params}`;
}
