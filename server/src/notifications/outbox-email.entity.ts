import crypto from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';

export enum EmailKind {
  NEW_LEAD = 'NEW_LEAD',
  SELLER_CLOSED = 'SELLER_CLOSED',
  FOLLOWED_UP = 'FOLLOWED_UP',
  DEAL = 'DEAL',
  NO_AGREEMENT = 'NO_AGREEMENT',
  /** To the partner: a platform-assigned lead expires soon (deadlines/). */
  LEAD_EXPIRING = 'LEAD_EXPIRING',
  /** To the seller: a partner did not answer in time, the request went to the next one. */
  LEAD_PASSED_ON = 'LEAD_PASSED_ON',
  /** To the seller: a partner it chose has not answered within the response window. */
  LEAD_WAITING = 'LEAD_WAITING',
  /** To a partner's members: one of its webhook endpoints failed for a day and was disabled. */
  WEBHOOK_DISABLED = 'WEBHOOK_DISABLED',
}

/** The right-hand side of every Message-ID (outbox-writer.ts builds them in SQL too). */
export const messageIdDomain = 'seller-leads-pool';

export enum EmailStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/**
 * One email to one recipient about one lead event, written in the transaction of the change
 * (the outbox). The delivery worker sends it; its Message-ID never changes between attempts.
 */
@Entity({ tableName: 'outbox_emails' })
@Unique({ properties: ['event', 'recipient', 'kind'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboxEmail {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 100, unique: true })
  messageId: string & Opt = `<${crypto.randomUUID()}@${messageIdDomain}>`;

  @Enum({ items: () => EmailKind, type: 'string' })
  kind!: EmailKind;

  @ManyToOne(() => LeadEvent)
  event!: LeadEvent;

  @ManyToOne(() => Lead)
  lead!: Lead;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  recipient!: User;

  /** The address at the time of the change. */
  @Property({ type: 'string', length: 254 })
  recipientEmail!: string;

  @Enum({ items: () => EmailStatus, type: 'string' })
  status: EmailStatus & Opt = EmailStatus.PENDING;

  /** Claims so far; a claim whose lease ran out counts as an attempt. */
  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  /** When a PENDING row is due, or when a SENDING row's lease runs out. */
  @Property({ type: 'datetime' })
  nextAttemptAt: Date & Opt = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
