import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadCloseReason, LeadSource, LeadStatus, PartnerStatus, type ServiceType } from '@slp/shared';
import { pgArray } from '../db/pg-array.js';
import { executePrepared } from '../db/prepared-statements.js';
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
  // One JSON value, each row an array in featureColumns' order: the driver would otherwise parse
  // hundreds of rows of 20 columns field by field, and objects would repeat every key in every row.
  const row = Object.values(featureColumns).map((column) => `c.${column}`);
  return `select coalesce(json_agg(json_build_array(${row.join(', ')}) order by c.partner_id, c.service_id), '[]') as rows
    from (${candidateRowsSql(eligible, assignable)}) c`;
}

function candidateRowsSql(eligible: Sql, assignable: boolean): string {
  return `
with candidate as (
  select s.id as service_id, s.partner_id, s.product_categories, s.regions,
         s.price_from_amount::text as price_from, s.price_to_amount::text as price_to, s.currency,
         p.location as partner_location, p.languages, p.capacity
  from services s
  join partners p on p.id = s.partner_id
  where ${eligible.sql}
)
select c.*, coalesce(r.active_leads, 0) as active_leads, coalesce(r.leads, 0) - fresh.leads as leads_due,
       coalesce(r.followed_up, 0) as followed_up, coalesce(r.deals, 0) as deals,
       r.median_hours_to_follow_up, recent.leads as recent_assignments,
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

/** Each feature's column in the statement, in the order of a row's array. */
const featureColumns = {
  serviceId: 'service_id',
  partnerId: 'partner_id',
  productCategories: 'product_categories',
  regions: 'regions',
  priceFrom: 'price_from',
  priceTo: 'price_to',
  serviceCurrency: 'currency',
  partnerLocation: 'partner_location',
  languages: 'languages',
  capacity: 'capacity',
  activeLeads: 'active_leads',
  leadsDue: 'leads_due',
  followedUp: 'followed_up',
  deals: 'deals',
  medianHoursToFollowUp: 'median_hours_to_follow_up',
  recentAssignments: 'recent_assignments',
  assignedDecided: 'assigned_decided',
  expired: 'expired',
  reviewCount: 'review_count',
  ratingSum: 'rating_sum',
} satisfies Record<keyof CandidateFeatures, string>;

/** Each feature's place in a row's array. */
const at = Object.fromEntries(Object.keys(featureColumns).map((name, index) => [name, index])) as Record<keyof CandidateFeatures, number>;

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
  const [{ rows }] = await executePrepared<{ rows: unknown[][] }>(em, sql, params);
  return rows.map(toFeatures);
}

/**
 * One literal of fixed shape: filling an object key by key from a list of names stored through a
 * megamorphic keyed store, 11× the time (0.32 against 0.03 ms for 534 rows), and took a cast.
 */
function toFeatures(row: unknown[]): CandidateFeatures {
  return {
    serviceId: row[at.serviceId] as number,
    partnerId: row[at.partnerId] as number,
    productCategories: row[at.productCategories] as string[],
    regions: row[at.regions] as string[],
    priceFrom: row[at.priceFrom] as string | null,
    priceTo: row[at.priceTo] as string | null,
    serviceCurrency: row[at.serviceCurrency] as string | null,
    partnerLocation: row[at.partnerLocation] as string | null,
    languages: row[at.languages] as string[],
    capacity: row[at.capacity] as number,
    activeLeads: row[at.activeLeads] as number,
    leadsDue: row[at.leadsDue] as number,
    followedUp: row[at.followedUp] as number,
    deals: row[at.deals] as number,
    medianHoursToFollowUp: row[at.medianHoursToFollowUp] as number | null,
    recentAssignments: row[at.recentAssignments] as number,
    assignedDecided: row[at.assignedDecided] as number,
    expired: row[at.expired] as number,
    reviewCount: row[at.reviewCount] as number,
    ratingSum: row[at.ratingSum] as number,
  };
}
