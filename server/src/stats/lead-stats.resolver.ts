import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Context } from '../request/context.js';
import { queryOrThrow } from '../auth/guards.js';
import { rowIdOf } from '../graphql/node.js';
import { bucketCount, LeadStatsService } from './lead-stats.service.js';
import { LeadStats, LeadStatsArgs } from './lead-stats.types.js';

/** A statistics query scans the range's leads once, and returns its fields once per bucket. */
function statsCost({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const buckets = args.from instanceof Date && args.to instanceof Date ? bucketCount(args.from, args.to, args.groupBy) : 1;
  return 100 + childComplexity * Math.min(buckets, 400) * (args.byServiceType ? 9 : 1);
}

@Resolver()
export class LeadStatsResolver {
  @Query(() => LeadStats, {
    description: "Statistics of leads received in a time range: a partner's own; for operators one partner's or the platform's.",
    complexity: statsCost,
  })
  leadStats(@Args(() => LeadStatsArgs) args: LeadStatsArgs, @Ctx() ctx: Context): Promise<LeadStats> {
    const partnerId = args.partnerId == null ? null : rowIdOf(args.partnerId, 'Partner');
    return queryOrThrow(() => new LeadStatsService(ctx.em).leadStats(ctx.viewer, { ...args, partnerId }));
  }
}
