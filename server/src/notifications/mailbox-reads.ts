import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate } from '../db/keyset-pages.js';
import type { Read } from '../db/lean-read.js';
import type { ConnectionResult, TwoWayPageArgs } from '../graphql/connection.js';
import { MailboxMessage } from './mailbox-message.entity.js';

/** An email in the local mailbox as read (db/lean-read.ts). */
export type MailboxMessageRead = Read<MailboxMessage>;

/** The emails to one address (any case, spaces around it ignored), or to anyone when none is given. */
export const recipient = (to: string | null | undefined) => (to?.trim() ? { to: to.trim().toLowerCase() } : {});

/** A page of the local mailbox, newest first, with its total. */
export function mailboxPage(
  em: EntityManager,
  to: string | null | undefined,
  page: TwoWayPageArgs,
): Promise<ConnectionResult<MailboxMessageRead>> {
  return paginate(em, MailboxMessage, recipient(to), page);
}
