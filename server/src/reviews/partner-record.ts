import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../db/pg-array.js';
import type { Context } from '../request/context.js';

/** What a partner's public page shows of its record (SPEC section 6a); all of it public. */
export interface PartnerRecord {
  /** Average of its visible reviews; null without any. */
  rating: number | null;
  reviewCount: number;
  /** Kept in partner_lead_stats from its follow-up histogram (docs/matching.md); null without follow-ups. */
  medianHoursToFollowUp: number | null;
  /** Expired ÷ platform-assigned leads past NEW; null when none is decided yet. */
  expiredShare: number | null;
}

interface RecordRow {
  partner_id: number;
  rating: string | null;
  review_count: number;
  median_hours_to_follow_up: number | null;
  assigned: number | null;
  expired: number | null;
}

const RECORD_SQL = `select p.partner_id, r.rating::text as rating, coalesce(r.review_count, 0)::int as review_count,
    s.median_hours_to_follow_up, s.assigned, s.expired
  from unnest(?::int[]) as p(partner_id)
  left join partner_lead_stats s on s.partner_id = p.partner_id
  left join lateral (select avg(v.rating) as rating, count(*) as review_count from partner_reviews v
    where v.partner_id = p.partner_id and v.hidden_at is null) r on true`;

function recordOf(row: RecordRow): PartnerRecord {
  return {
    rating: row.rating == null ? null : Math.round(Number(row.rating) * 100) / 100,
    reviewCount: row.review_count,
    medianHoursToFollowUp: row.median_hours_to_follow_up,
    expiredShare: row.assigned ? (row.expired ?? 0) / row.assigned : null,
  };
}

/** Each partner's record in one statement per batch, however many partners a page shows. */
export function partnerRecordLoader(em: EntityManager): DataLoader<number, PartnerRecord> {
  return new DataLoader(async (ids) => {
    const rows = await em.execute<RecordRow[]>(RECORD_SQL, [pgArray([...ids])]);
    const byId = new Map(rows.map((row) => [row.partner_id, recordOf(row)]));
    return ids.map((id) => byId.get(id)!);
  });
}

const loaders = new WeakMap<Context, DataLoader<number, PartnerRecord>>();

/** The request's loader (one per context, so a request never sees another's cache). */
export function partnerRecordOf(ctx: Context, partnerId: number): Promise<PartnerRecord> {
  let loader = loaders.get(ctx);
  if (!loader) loaders.set(ctx, (loader = partnerRecordLoader(ctx.em)));
  return loader.load(partnerId);
}
