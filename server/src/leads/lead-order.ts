import { LeadOrderField, OrderDirection, UserErrorCode, searchWords } from '@slp/shared';
import { profileVisibleSql } from '../auth/access-policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Sql } from '../db/sql.js';
import { DomainError } from '../domain-error.js';
import type { PageOrder } from '../db/keyset-pages.js';

export interface LeadOrderData {
  field: LeadOrderField;
  direction: OrderDirection;
}

export const DEFAULT_LEAD_ORDER: LeadOrderData = { field: LeadOrderField.RECEIVED, direction: OrderDirection.DESC };

/** The inquiry's order keys, as copied onto each lead (Migration20261201130000). */
const profileColumns: Record<Exclude<LeadOrderField, LeadOrderField.RECEIVED>, { column: string; type: string }> = {
  [LeadOrderField.BUDGET]: { column: 'l.budget_amount', type: 'numeric' },
  [LeadOrderField.SHOP_GMV]: { column: 'l.shop_gmv_amount', type: 'numeric' },
  [LeadOrderField.COMPANY_SIZE]: { column: 'l.company_size_rank', type: 'integer' },
};

/**
 * A tab's order as SQL. Keys from the business profile are read as the access policy lets the viewer
 * see them: a lead whose inquiry is hidden from it sorts as -1, whatever its inquiry holds. The
 * expression is exactly the one each (partner, status, key, id) index is built on.
 */
export function leadPageOrder(viewer: Viewer | null, order: LeadOrderData = DEFAULT_LEAD_ORDER): PageOrder {
  const direction = order.direction === OrderDirection.ASC ? 'asc' : 'desc';
  const name = `${order.field}_${order.direction}`;
  if (order.field === LeadOrderField.RECEIVED) return { key: 'l.created_at', keyType: 'timestamptz', direction, name };
  const { column, type } = profileColumns[order.field];
  const visible = profileVisibleSql(viewer);
  const key = visible.sql === 'true' ? `coalesce(${column}, -1)` : `coalesce(case when ${visible.sql} then ${column} end, -1)`;
  return { key, keyType: type, direction, name };
}

/** Full-text search of what a partner may see of a lead; each word matches as a prefix. Null: nothing to search. */
export function leadSearchSql(text: string | null | undefined): Sql | null {
  const parsed = searchWords(text ?? '');
  if ('error' in parsed) throw DomainError.of(UserErrorCode.INVALID, parsed.error, ['search']);
  if (!parsed.words.length) return null;
  const query = parsed.words.map((word) => `${word}:*`).join(' & ');
  return {
    sql: `((select i.search_document from inquiries i where i.id = l.inquiry_id) @@ to_tsquery('simple', ?)
      or (select s.search_document from services s where s.id = l.service_id) @@ to_tsquery('simple', ?))`,
    params: [query, query],
  };
}
