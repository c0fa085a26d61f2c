import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadCloseReason, LeadSource, LeadStatus, PartnerStatus, type ServiceType } from '@slp/shared';
import type { MatchingConfig } from './matching.config.js';
import type { CandidateFeatures } from './scoring.js';

export interface CandidateQuery {
  serviceType: ServiceType;
  /** Partners already holding a lead on this inquiry (any status) are never candidates again. */
  inquiryId: number;
  /** Only these partners (an operator's choice); all eligible partners when absent. */
  partnerIds?: number[];
}

/**
 * Eligible partners' services and their lead record in ONE statement, aggregated in PostgreSQL, so
 * ranking costs the same number of round trips for ten candidates or ten thousand. Eligible: an
 * ONBOARDED partner with a service of the wanted type (public or not) and no lead on the inquiry yet.
 * Leads an operator took back count for nothing.
 */
const CANDIDATES_SQL = `
with candidate as (
  select s.id as service_id, s.partner_id, s.product_categories, s.regions,
         s.price_from_amount::text as price_from, s.price_to_amount::text as price_to, s.currency,
         p.location as partner_location, p.languages, p.capacity
  from services s
  join partners p on p.id = s.partner_id
  where s.service_type = ? and p.status = ?
    and (?::int[] is null or p.id = any(?::int[]))
    and not exists (select 1 from leads held where held.inquiry_id = ? and held.partner_id = p.id)
), record as (
  select l.partner_id,
    count(*) filter (where l.status in (?, ?)) as active_leads,
    count(*) filter (where l.status <> ? or l.created_at < now() - make_interval(hours => ?)) as leads_due,
    count(l.followed_at) as followed_up,
    count(l.deal_at) as deals,
    percentile_cont(0.5) within group (order by extract(epoch from l.followed_at - l.created_at) / 3600) as median_hours,
    count(*) filter (where l.source = ? and l.created_at > now() - make_interval(days => ?)) as recent_assignments
  from leads l
  where l.partner_id in (select distinct partner_id from candidate)
    and l.close_reason is distinct from ?
  group by l.partner_id
)
select c.*, coalesce(r.active_leads, 0)::int as active_leads, coalesce(r.leads_due, 0)::int as leads_due,
       coalesce(r.followed_up, 0)::int as followed_up, coalesce(r.deals, 0)::int as deals,
       r.median_hours::float8 as median_hours, coalesce(r.recent_assignments, 0)::int as recent_assignments
from candidate c
left join record r on r.partner_id = c.partner_id
order by c.partner_id, c.service_id`;

interface CandidateRow {
  service_id: number; partner_id: number; product_categories: string[]; regions: string[];
  price_from: string | null; price_to: string | null; currency: string | null;
  partner_location: string | null; languages: string[]; capacity: number;
  active_leads: number; leads_due: number; followed_up: number; deals: number;
  median_hours: number | null; recent_assignments: number;
}

const pgIntArray = (ids: number[] | undefined) => (ids ? `{${ids.join(',')}}` : null);

/** The statement and its parameters (the benchmark explains it too). */
export function candidateStatement(query: CandidateQuery, config: MatchingConfig): [string, unknown[]] {
  const partnerIds = pgIntArray(query.partnerIds);
  return [CANDIDATES_SQL, [
    query.serviceType, PartnerStatus.ONBOARDED, partnerIds, partnerIds, query.inquiryId,
    LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.NEW, config.trackRecord.graceHours,
    LeadSource.PLATFORM_ASSIGNED, config.fairSpreading.windowDays, LeadCloseReason.UNASSIGNED,
  ]];
}

export async function gatherCandidates(
  em: EntityManager, query: CandidateQuery, config: MatchingConfig,
): Promise<CandidateFeatures[]> {
  const [sql, params] = candidateStatement(query, config);
  return (await em.execute<CandidateRow[]>(sql, params)).map(toFeatures);
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
    medianHoursToFollowUp: row.median_hours,
    recentAssignments: row.recent_assignments,
  };
}
