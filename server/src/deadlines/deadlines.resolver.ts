import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context.js';
import { queryOrThrow } from '../auth/guards.js';
import { Lead } from '../leads/lead.entity.js';
import { DeadlinesService } from './deadlines.service.js';

@Resolver(() => Lead)
export class DeadlinesResolver {
  @Query(() => [Lead], { description: 'Operator: NEW platform-assigned leads whose respondBy falls within the next hours, soonest first.' })
  expiringLeads(
    @Arg('withinHours', () => Float, { nullable: true, description: 'How far ahead to look, in hours (default 24).' })
    withinHours: number | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 0 to 100 (default 20).' }) first: number | null,
    @Ctx() ctx: Context,
  ) {
    return queryOrThrow(() => new DeadlinesService(ctx.em).expiring(ctx.viewer, withinHours, first));
  }
}
