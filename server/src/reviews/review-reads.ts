import type { EntityManager } from '@mikro-orm/postgresql';
import { reviewsVisibleSql } from '../auth/access-policy.js';
import type { Viewer } from '../auth/viewer.js';
import { NEWEST_FIRST, paginateByKey } from '../db/keyset-pages.js';
import type { Read } from '../db/lean-read.js';
import type { Sql } from '../db/sql.js';
import type { ConnectionResult, PageArgs } from '../graphql/connection.js';
import { PartnerReview } from './partner-review.entity.js';

/** A review as read (db/lean-read.ts): its lead, partner and seller as references; edits lock the managed entity. */
export type PartnerReviewRead = Read<PartnerReview>;

/** A page of a partner's reviews this viewer may see, newest first. */
export function partnerReviewsPage(
  em: EntityManager,
  viewer: Viewer | null,
  partnerId: number,
  page: PageArgs,
): Promise<ConnectionResult<PartnerReviewRead>> {
  const visible = reviewsVisibleSql(viewer);
  const where: Sql = { sql: `l.partner_id = ? and ${visible.sql}`, params: [partnerId, ...visible.params] };
  return paginateByKey(em, PartnerReview, where, page, NEWEST_FIRST);
}
