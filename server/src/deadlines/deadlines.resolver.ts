import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import { LeadSource, LeadStatus, Role } from '@slp/shared';
import type { Context } from '../request/context.js';
import { pageSize } from '../db/keyset-pages.js';
import { queryOrThrow } from '../auth/guards.js';
import { requireRole } from '../auth/viewer.js';
import { Lead } from '../leads/lead.entity.js';

@Resolver(() => Lead)
export class DeadlinesResolver {
  @Query(() => [Lead], { description: 'Operator: NEW platform-assigned leads whose respondBy falls within the next hours, soonest first.' })
  expiringLeads(
    @Arg('withinHours', () => Float, { nullable: true, description: 'How far ahead to look, in hours (default 24).' })
    withinHours: number | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 0 to 100 (default 20).' }) first: number | null,
    @Ctx() ctx: Context,
  ) {
    return queryOrThrow(async () => {
      requireRole(ctx.viewer, Role.OPERATOR);
      const until = new Date(Date.now() + (withinHours ?? 24) * 3_600_000);
      return ctx.em.find(
        Lead,
        { status: LeadStatus.NEW, source: LeadSource.PLATFORM_ASSIGNED, responseDueAt: { $lte: until } },
        { orderBy: { responseDueAt: 'asc', id: 'asc' }, limit: pageSize(first) },
      );
    });
  }
}
