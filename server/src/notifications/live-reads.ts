import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthService } from '../auth/auth.service.js';
import type { Credentials } from '../auth/credentials.js';
import type { Viewer } from '../auth/viewer.js';
import { findLeanWhereIn } from '../db/batched-reads.js';
import { leanMapper, type Read } from '../db/lean-read.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { authenticate } from './connection-auth.js';

/** A lead and its inquiry, as they are now. */
export interface LeadOnInquiry {
  lead: Read<Lead>;
  inquiry: Read<Inquiry>;
}

/** What one subscription needs before it answers an event: who it is now, and the event's lead. */
export interface EventReads {
  em: EntityManager;
  viewer: Viewer | null;
  found: LeadOnInquiry | null;
}

/** The leads and their inquiries, two statements side by side. */
async function leadsOnInquiries(em: EntityManager, ids: readonly number[]): Promise<Map<number, LeadOnInquiry>> {
  const [leads, inquiryRows] = await Promise.all([
    findLeanWhereIn(em, Lead, 'id', ids),
    em
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from inquiries where id in (select inquiry_id from leads where id in (?))', [[...ids]]),
  ]);
  const inquiries = new Map(inquiryRows.map(leanMapper(em, Inquiry)).map((inquiry) => [inquiry.id, inquiry]));
  return new Map(leads.map((lead) => [lead.id, { lead, inquiry: inquiries.get(lead.inquiry.id)! }]));
}

/**
 * The reads of every delivery this process starts in one turn of the event loop, sent together once
 * it ends: the same four statements (sessions' users and partners, leads and inquiries, side by
 * side) whatever the number of subscriptions and notices; API tokens, rare on live connections, are
 * checked one by one. Rows become read-only objects (db/lean-read.ts): a delivery never writes, and
 * hydrating them through the ORM cost more than the rest of a delivery. A batch is used once, so a
 * later event reads sessions and leads again, as they are then.
 */
class ReadBatch {
  readonly sessionViewers: DataLoader<string, Viewer | null>;
  readonly leads: DataLoader<number, LeadOnInquiry | null>;

  constructor(
    readonly em: EntityManager,
    closed: Promise<void>,
  ) {
    const batchScheduleFn = (dispatch: () => void) => {
      closed.then(dispatch);
    };
    this.sessionViewers = new DataLoader(
      async (tokens) => {
        const viewers = await new AuthService(em).viewersForSessions(tokens);
        return tokens.map((token) => viewers.get(token) ?? null);
      },
      { batchScheduleFn },
    );
    this.leads = new DataLoader(
      async (ids) => {
        const found = await leadsOnInquiries(em, ids);
        return ids.map((id) => found.get(id) ?? null);
      },
      { batchScheduleFn },
    );
  }
}

export class LiveReads {
  private open: ReadBatch | null = null;

  constructor(private readonly em: EntityManager) {}

  /** The subscriber's viewer (null once its session ended or its token was revoked) and the event's lead. */
  async forEvent(credentials: Credentials, leadId: number): Promise<EventReads> {
    const batch = this.batch();
    const [viewer, found] = await Promise.all([
      authenticate(batch.em, credentials, (token) => batch.sessionViewers.load(token)),
      batch.leads.load(leadId),
    ]);
    return { em: batch.em, viewer, found };
  }

  private batch(): ReadBatch {
    if (!this.open) {
      const closed = new Promise<void>((resolve) => {
        setImmediate(() => {
          this.open = null;
          resolve();
        });
      });
      this.open = new ReadBatch(this.em.fork({ clear: true }) as EntityManager, closed);
    }
    return this.open;
  }
}
