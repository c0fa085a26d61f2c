import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadCloseReason, LeadSource, LeadStatus, PartnerStatus, type ServiceType } from '@slp/shared';
import { pgArray } from '../db/pg-array.js';
import { SqlConditions, type Sql } from '../db/sql.js';
import type { MatchingConfig } from './matching.config.js';
import type { CandidateFeatures } from './scoring.js';

export interface CandidateQuery {
  serviceType: ServiceType;
  /**
   * Partners already holding a lead on this inquiry (any status) are never candidates again. Unset
   * for an inquiry not stored yet, which nobody holds.
   */
  inquiryId?: number;
  /** Only these partners (an operator's choice); all eligible partners when absent. */
  partnerIds?: number[];
  /**
   * Only partners the platform may assign on its own (see pickForAssignment): a service of the type
   * that lists this product category, and a free lead slot. A tenth of the candidates or so, so
   * submitting reads and scores far fewer rows; each partner still comes with all its services of the type.
   */
  assignableFor?: string;
}

/**
 * Eligible partners' services and their lead record in ONE statement, so ranking costs the same
 * number of round trips for ten candidates or ten thousand. Eligible: an ONBOARDED partner with a
 * service of the wanted type (public or not) and no lead on the inquiry yet.
 *
 * The record is each partner's `partner_lead_stats` row, kept up to date by triggers on `leads`
 * (migrations 20261125200000 and 20261201110000: expiries too), so the cost grows with candidates, not
 * with their history; its visible reviews are one index range of partner_reviews. Only what
 * depends on the clock is counted here, from index ranges bounded by time: NEW leads still in their
 * grace period (subtracted from the leads due) and platform assignments in the fair-spreading window.
 * Leads an operator took back count for nothing. The enum values in the `recent` subquery are literals so
 * that the planner matches them to the partial index `leads_recent_assignments_index`.
 *
 * Each filter is written only when asked for, as a plain condition: a `? is null or …` guard would keep
 * the planner from turning the category's services into a join driven by their GIN index, and it
 * would read every service of the type instead (10× the time at SCALE=10).
 */
function candidateSql(eligible: Sql, assignable: boolean): string {
  // One JSON value: the driver would otherwise parse hundreds of rows of 21 columns field by field.
  return `select coalesce(json_agg(c order by c.partner_id, c.service_id), '[]') as rows from (${candidateRowsSql(eligible, assignable)}) c`;
}

function candidateRowsSql(eligible: Sql, assignable: boolean): string {
  return `
with candidate as (
  select s.id as service_id, s.partner_id, to_json(s.product_categories) as product_categories, s.regions,
         s.price_from_amount::text as price_from, s.price_to_amount::text as price_to, s.currency,
         p.location as partner_location, p.languages, p.capacity
  from services s
  join partners p on p.id = s.partner_id
  where ${eligible.sql}
)
select c.*, coalesce(r.active_leads, 0) as active_leads, coalesce(r.leads, 0) - fresh.leads as leads_due,
       coalesce(r.followed_up, 0) as followed_up, coalesce(r.deals, 0) as deals,
       to_json(r.follow_up_counts) as follow_up_counts, to_json(r.follow_up_micros) as follow_up_micros, recent.leads as recent_assignments,
       coalesce(r.assigned, 0) as assigned_decided, coalesce(r.expired, 0) as expired,
       reviews.review_count, reviews.rating_sum
from candidate c
left join partner_lead_stats r on r.partner_id = c.partner_id
cross join lateral (
  select count(*)::int as review_count, coalesce(sum(v.rating), 0)::int as rating_sum from partner_reviews v
  where v.partner_id = c.partner_id and v.hidden_at is null
) reviews
cross join lateral (
  select count(*)::int as leads from leads l
  where l.partner_id = c.partner_id and l.status = ? and l.created_at >= now() - make_interval(hours => ?)
) fresh
cross join lateral (
  select count(*)::int as leads from leads l
  where l.partner_id = c.partner_id and l.source = '${LeadSource.PLATFORM_ASSIGNED}'
    and l.close_reason is distinct from '${LeadCloseReason.UNASSIGNED}'
    and l.created_at > now() - make_interval(days => ?)
) recent
${assignable ? 'where c.capacity > coalesce(r.active_leads, 0)' : ''}`;
}

/** Which services are candidates: see CandidateQuery. */
function eligibleServices(query: CandidateQuery): Sql {
  const where = new SqlConditions().add('s.service_type = ?', query.serviceType).add('p.status = ?', PartnerStatus.ONBOARDED);
  if (query.partnerIds) where.add('p.id = any(?::int[])', pgArray(query.partnerIds));
  if (query.inquiryId !== undefined) {
    where.add('not exists (select 1 from leads held where held.inquiry_id = ? and held.partner_id = p.id)', query.inquiryId);
  }
  if (query.assignableFor !== undefined) {
    // As an array, so the planner looks up just these partners by key instead of hashing every partner.
    where.add(
      's.partner_id = any(array(select distinct own.partner_id from services own where own.service_type = ? and own.product_categories @> array[?::text]))',
      query.serviceType,
      query.assignableFor,
    );
  }
  return where.all();
}

interface CandidateRow {
  service_id: number;
  partner_id: number;
  product_categories: string[];
  regions: string[];
  price_from: string | null;
  price_to: string | null;
  currency: string | null;
  partner_location: string | null;
  languages: string[];
  capacity: number;
  active_leads: number;
  leads_due: number;
  followed_up: number;
  deals: number;
  follow_up_counts: number[] | null;
  follow_up_micros: number[] | null;
  recent_assignments: number;
  assigned_decided: number;
  expired: number;
  review_count: number;
  rating_sum: number;
}

/** The statement and its parameters (the benchmark explains it too). */
export function candidateStatement(query: CandidateQuery, config: MatchingConfig): [string, unknown[]] {
  const eligible = eligibleServices(query);
  return [
    candidateSql(eligible, query.assignableFor !== undefined),
    [...eligible.params, LeadStatus.NEW, config.trackRecord.graceHours, config.fairSpreading.windowDays],
  ];
}

export async function gatherCandidates(em: EntityManager, query: CandidateQuery, config: MatchingConfig): Promise<CandidateFeatures[]> {
  const [sql, params] = candidateStatement(query, config);
  const [{ rows }] = await em.execute<{ rows: CandidateRow[] }[]>(sql, params);
  return rows.map(toFeatures);
}

function toFeatures(row: CandidateRow): CandidateFeatures {
  return {
    partnerId: row.partner_id,
    serviceId: row.service_id,
    productCategories: row.product_categories,
    regions: row.regions,
    priceFrom: row.price_from,
    priceTo: row.price_to,
    serviceCurrency: row.currency,
    partnerLocation: row.partner_location,
    languages: row.languages,
    capacity: row.capacity,
    activeLeads: row.active_leads,
    leadsDue: row.leads_due,
    followedUp: row.followed_up,
    deals: row.deals,
    medianHoursToFollowUp: row.follow_up_counts && medianOfBuckets(row.follow_up_counts, row.follow_up_micros!),
    recentAssignments: row.recent_assignments,
    assignedDecided: row.assigned_decided,
    expired: row.expired,
    reviewCount: row.review_count,
    ratingSum: row.rating_sum,
  };
}

const MICROS_PER_HOUR = 3_600_000_000;

/**
 * The median hours to follow up from the histogram in `partner_lead_stats`: per bucket of delay, the
 * count and the summed microseconds. Each follow-up is taken at its bucket's mean, then the median is
 * interpolated as percentile_cont does. Exact when a bucket's delays are equal, and never off by more
 * than the width of the median's bucket (docs/matching.md); null without follow-ups.
 */
export function medianOfBuckets(counts: number[], micros: number[]): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (!total) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    const bucket = counts.findIndex((n) => (seen += n) > rank);
    return micros[bucket] / counts[bucket] / MICROS_PER_HOUR;
  };
  const middle = (total - 1) / 2;
  const below = valueAt(Math.floor(middle));
  return below + (middle - Math.floor(middle)) * (valueAt(Math.ceil(middle)) - below);
}
