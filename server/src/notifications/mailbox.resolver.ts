import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Role } from '@slp/shared';
import { requireRoleOrThrow } from '../auth/guards.js';
import { connectionOf, TwoWayPageArgs } from '../graphql/connection.js';
import { paginate } from '../db/keyset-pages.js';
import type { Context } from '../request/context.js';
import { MailboxMessage } from './mailbox-message.entity.js';

const MailboxConnection = connectionOf('MailboxMessage', MailboxMessage);
const recipient = (to: string | null | undefined) => (to?.trim() ? { to: to.trim().toLowerCase() } : {});

/** Operators only, in every environment: the demo data has an operator login for developers. */
@Resolver()
export class MailboxResolver {
  @Query(() => [MailboxMessage], {
    description: 'Operators: emails delivered to the local mailbox (used when no SMTP server is configured), newest first.',
  })
  devMailbox(
    @Ctx() ctx: Context,
    @Arg('to', () => String, { nullable: true, description: 'Only emails to this address.' }) to?: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, at most 100.' }) first = 20,
  ): Promise<MailboxMessage[]> {
    requireRoleOrThrow(ctx, Role.OPERATOR);
    return ctx.em.find(MailboxMessage, recipient(to), { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 0), 100) });
  }

  @Query(() => MailboxConnection, { description: 'Operators: the local mailbox in pages, newest first, with its total.' })
  mailbox(
    @Ctx() ctx: Context,
    @Args(() => TwoWayPageArgs) page: TwoWayPageArgs,
    @Arg('to', () => String, { nullable: true, description: 'Only emails to this address.' }) to?: string | null,
  ) {
    requireRoleOrThrow(ctx, Role.OPERATOR);
    return paginate(ctx.em, MailboxMessage, recipient(to), page);
  }
}
