import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '@slp/shared';
import { requireRole, type Viewer } from '../auth/viewer.js';
import type { ConnectionResult, TwoWayPageArgs } from '../graphql/connection.js';
import { MailboxMessage } from './mailbox-message.entity.js';
import { mailboxPage, recipient, type MailboxMessageRead } from './mailbox-reads.js';

/** The local mailbox (emails delivered when no SMTP server is configured), newest first: operators only. */
export class MailboxService {
  constructor(private readonly em: EntityManager) {}

  /** The newest `first` emails (at most 100), to one address or to anyone. */
  async latest(viewer: Viewer | null, to: string | null | undefined, first: number): Promise<MailboxMessage[]> {
    requireRole(viewer, Role.OPERATOR);
    return this.em.find(MailboxMessage, recipient(to), { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 0), 100) });
  }

  /** A page of the emails, to one address or to anyone, with their total. */
  async page(viewer: Viewer | null, to: string | null | undefined, page: TwoWayPageArgs): Promise<ConnectionResult<MailboxMessageRead>> {
    requireRole(viewer, Role.OPERATOR);
    return mailboxPage(this.em, to, page);
  }
}
