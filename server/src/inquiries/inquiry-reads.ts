import type { EntityManager } from '@mikro-orm/postgresql';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { InquiryStatus, RequestType, activeLeadStatuses } from '@slp/shared';
import { paginate } from '../db/keyset-pages.js';
import type { Read } from '../db/lean-read.js';
import type { ConnectionResult, TwoWayPageArgs } from '../graphql/connection.js';
import { Inquiry } from './inquiry.entity.js';

/** An inquiry as read (db/lean-read.ts): its seller a reference, no leads; edits lock the managed entity. */
export type InquiryRead = Read<Inquiry>;

/** A page of one seller's inquiries (in one status, or all), newest first. */
export function sellerInquiriesPage(
  em: EntityManager,
  sellerId: number,
  status: InquiryStatus | null,
  page: TwoWayPageArgs,
): Promise<ConnectionResult<InquiryRead>> {
  return paginate(em, Inquiry, status ? { seller: sellerId, status } : { seller: sellerId }, page);
}

/** A page of ACTIVE OPEN inquiries with fewer active (NEW or FOLLOWING) leads than `wanted`, oldest first. */
export function shortOfPartnersPage(em: EntityManager, wanted: number, page: TwoWayPageArgs): Promise<ConnectionResult<InquiryRead>> {
  return paginate(em, Inquiry, shortOfPartners(wanted), page, { oldestFirst: true });
}

/** The filter, fresh for each use: its raw count is single-use and a page runs it twice. */
function shortOfPartners(wanted: number): () => FilterQuery<Inquiry> {
  const statuses = activeLeadStatuses.map((status) => `'${status}'`).join(', ');
  return () => ({
    requestType: RequestType.OPEN,
    status: InquiryStatus.ACTIVE,
    [raw((alias) => `(select count(*) from leads l where l.inquiry_id = ${alias}.id and l.status in (${statuses}))`)]: { $lt: wanted },
  });
}
