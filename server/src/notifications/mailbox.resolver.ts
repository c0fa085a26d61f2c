import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { queryOrThrow } from '../auth/guards.js';
import { connectionOf, TwoWayPageArgs } from '../graphql/connection.js';
import type { Context } from '../request/context.js';
import { MailboxMessage } from './mailbox-message.entity.js';
import { MailboxService } from './mailbox.service.js';

const MailboxConnection = connectionOf('MailboxMessage', MailboxMessage);

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
    return queryOrThrow(() => new MailboxService(ctx.em).latest(ctx.viewer, to, first));
  }

  @Query(() => MailboxConnection, { description: 'Operators: the local mailbox in pages, newest first, with its total.' })
  mailbox(
    @Ctx() ctx: Context,
    @Args(() => TwoWayPageArgs) page: TwoWayPageArgs,
    @Arg('to', () => String, { nullable: true, description: 'Only emails to this address.' }) to?: string | null,
  ) {
    return queryOrThrow(() => new MailboxService(ctx.em).page(ctx.viewer, to, page));
  }
}
