import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Role } from '@slp/shared';
import { requireRoleOrThrow } from '../auth/guards.js';
import type { Context } from '../graphql/context.js';
import { MailboxMessage } from './mailbox-message.entity.js';

@Resolver()
export class MailboxResolver {
  /** Operators only, in every environment: the demo data has an operator login for developers. */
  @Query(() => [MailboxMessage], {
    description: 'Operators: emails delivered to the local mailbox (used when no SMTP server is configured), newest first.',
  })
  devMailbox(
    @Ctx() ctx: Context,
    @Arg('to', () => String, { nullable: true, description: 'Only emails to this address.' }) to?: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, at most 100.' }) first = 20,
  ): Promise<MailboxMessage[]> {
    requireRoleOrThrow(ctx, Role.OPERATOR);
    return ctx.em.find(MailboxMessage, to ? { to: to.trim().toLowerCase() } : {},
      { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 0), 100) });
  }
}
