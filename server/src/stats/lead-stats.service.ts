import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, ServiceType, StatsInterval, UserErrorCode } from '@slp/shared';
import { DomainError } from '../domain-error.js';
import { Partner } from '../partners/partner.entity.js';
import { listedLeadsSql } from '../auth/access-policy.js';
import { isOperator, requireViewer, type Viewer } from '../auth/viewer.js';
import type { LeadStats, LeadStatsArgs, LeadStatsBucket } from './lead-stats.types.js';

/** A series long enough for a year by day, eight years by week or thirty by month. */
export const MAX_BUCKETS = 400;

const unitOf: Record<StatsInterval, { unit: string; step: string; days: number }> = {
  // days: the shortest a bucket can be, so bucketCount() never underestimates.
  [StatsInterval.DAY]: { unit: 'day', step: '1 day', days: 1 },
  [StatsInterval.WEEK]: { unit: 'week', step: '1 week', days: 7 },
  [StatsInterval.MONTH]: { unit: 'month', step: '1 month', days: 28 },
};

/** At most how many buckets a range has (also the cost estimate of the series). */
export function bucketCount(from: Date, to: Date, groupBy: StatsInterval): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / (unitOf[groupBy].days * 86_400_000)) + 1);
}

/**
 * One statement: a bucket per interval (generate_series, so empty ones are there), per service type
 * when asked, left-joined to the leads received in the range; counts by FILTER, medians by
 * percentile_cont, and the totals as extra GROUPING SETS.
 */
function statsSql(byServiceType: boolean, listed: string): string {
  const types = byServiceType ? 'select distinct service_type from received' : 'select null::text as service_type';
  const sets = byServiceType ? '(b.start, t.service_type), (t.service_type), ()' : '(b.start, t.service_type), ()';
  const sameType = byServiceType ? 'and r.service_type is not distinct from t.service_type' : '';
  return `
    with received as (
      select date_trunc(?, l.created_at at time zone 'UTC') as start, coalesce(s.service_type, i.service_type) as service_type,
        l.status, l.created_at, l.followed_at, l.deal_at
      from leads l join inquiries i on i.id = l.inquiry_id left join services s on s.id = l.service_id
      where l.created_at >= ? and l.created_at < ? and ${listed} and (?::int is null or l.partner_id = ?::int)
    ),
    buckets as (
      select generate_series(date_trunc(?, ?::timestamptz at time zone 'UTC'),
        (?::timestamptz at time zone 'UTC') - interval '1 microsecond', ?::interval) as start
    ),
    types as (${types})
    select grouping(b.start) = 1 as whole_range, b.start at time zone 'UTC' as start, t.service_type,
      count(*) filter (where r.status = 'NEW')::int as new,
      count(*) filter (where r.status = 'FOLLOWING')::int as following,
      count(*) filter (where r.status = 'DEAL')::int as deal,
      count(*) filter (where r.status = 'CLOSED')::int as closed,
      count(*) filter (where r.status = 'REJECTED')::int as rejected,
      count(r.status)::int as received,
      count(r.followed_at)::int as followed_up,
      count(r.deal_at)::int as reached_deal,
      count(r.followed_at)::float8 / nullif(count(r.status), 0) as follow_up_rate,
      count(r.deal_at)::float8 / nullif(count(r.followed_at), 0) as deal_rate,
      percentile_cont(0.5) within group (order by extract(epoch from r.followed_at - r.created_at)) as median_follow_up,
      percentile_cont(0.5) within group (order by extract(epoch from r.deal_at - r.created_at)) as median_deal
    from buckets b cross join types t
    left join received r on r.start = b.start ${sameType}
    group by grouping sets (${sets})
    order by b.start nulls first, t.service_type nulls first`;
}

interface Row {
  whole_range: boolean;
  start: string | null;
  service_type: ServiceType | null;
  new: number;
  following: number;
  deal: number;
  closed: number;
  rejected: number;
  received: number;
  followed_up: number;
  reached_deal: number;
  follow_up_rate: number | null;
  deal_rate: number | null;
  median_follow_up: string | number | null;
  median_deal: string | number | null;
}

const numberOrNull = (value: string | number | null) => (value == null ? null : Number(value));

function bucketOf(row: Row | undefined): LeadStatsBucket {
  const r = row ?? ({ new: 0, following: 0, deal: 0, closed: 0, rejected: 0, received: 0, followed_up: 0, reached_deal: 0 } as Row);
  return {
    // The driver hands timestamps over as text.
    start: r.start ? new Date(r.start) : null,
    serviceType: r.service_type ?? null,
    counts: { new: r.new, following: r.following, deal: r.deal, closed: r.closed, rejected: r.rejected },
    funnel: {
      received: r.received,
      followedUp: r.followed_up,
      reachedDeal: r.reached_deal,
      followUpRate: numberOrNull(r.follow_up_rate ?? null),
      dealRate: numberOrNull(r.deal_rate ?? null),
    },
    medianSecondsToFollowUp: numberOrNull(r.median_follow_up ?? null),
    medianSecondsToDeal: numberOrNull(r.median_deal ?? null),
  };
}

/** The statistics asked for; `partnerId` is a row id (an operator's choice of partner). */
export type LeadStatsQuery = Omit<LeadStatsArgs, 'partnerId'> & { partnerId: number | null };

/** Dashboard statistics of leads by when they were received, computed in PostgreSQL. */
export class LeadStatsService {
  constructor(private readonly em: EntityManager) {}

  async leadStats(viewer: Viewer | null, args: LeadStatsQuery): Promise<LeadStats> {
    const partner = await this.partnerFor(viewer, args.partnerId);
    checkRange(args);
    const { unit, step } = unitOf[args.groupBy];
    const partnerId = partner?.id ?? null;
    // The leads the access policy lets the viewer list; an operator may narrow them to one partner.
    const listed = listedLeadsSql(viewer)!;
    const rows: Row[] = await this.em
      .getConnection()
      .execute(statsSql(args.byServiceType, listed.sql), [
        unit,
        args.from,
        args.to,
        ...listed.params,
        partnerId,
        partnerId,
        unit,
        args.from,
        args.to,
        step,
      ]);
    const wholeRange = rows.filter((row) => row.whole_range);
    return {
      from: args.from,
      to: args.to,
      groupBy: args.groupBy,
      partner,
      total: bucketOf(wholeRange.find((row) => row.service_type == null)),
      totalsByServiceType: wholeRange.filter((row) => row.service_type != null).map(bucketOf),
      buckets: rows.filter((row) => !row.whole_range).map(bucketOf),
    };
  }

  /** A partner's members see their own; operators anyone's or the platform's (null). */
  private async partnerFor(viewer: Viewer | null, partnerId: number | null): Promise<Partner | null> {
    const known = requireViewer(viewer);
    if (known.user.role === Role.PARTNER && known.partner) {
      if (partnerId != null && partnerId !== known.partner.id) {
        throw DomainError.of(UserErrorCode.FORBIDDEN, 'A partner sees only its own statistics', ['partnerId']);
      }
      return known.partner;
    }
    if (!isOperator(known)) throw DomainError.of(UserErrorCode.FORBIDDEN, 'Only partners and operators have lead statistics');
    if (partnerId == null) return null;
    const partner = await this.em.findOne(Partner, partnerId);
    if (!partner) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such partner', ['partnerId']);
    return partner;
  }
}

function checkRange({ from, to, groupBy }: Pick<LeadStatsArgs, 'from' | 'to' | 'groupBy'>): void {
  if (!(to > from)) throw DomainError.of(UserErrorCode.INVALID, '`to` must be after `from`', ['to']);
  if (bucketCount(from, to, groupBy) > MAX_BUCKETS) {
    throw DomainError.of(UserErrorCode.INVALID, `At most ${MAX_BUCKETS} buckets: choose a shorter range or a longer interval`, ['groupBy']);
  }
}
