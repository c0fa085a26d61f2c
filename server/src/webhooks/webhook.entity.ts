import crypto from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LeadStatus } from '@slp/shared';
import { toGlobalId, Node } from '../graphql/node.js';
import { Partner } from '../partners/partner.entity.js';
import { User } from '../auth/user.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';

export enum WebhookEventType {
  LEAD_CREATED = 'LEAD_CREATED',
  LEAD_STATUS_CHANGED = 'LEAD_STATUS_CHANGED',
  LEAD_EXPIRING = 'LEAD_EXPIRING',
}

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What a webhook endpoint is told about.',
  valuesConfig: {
    LEAD_CREATED: { description: 'The partner received a new lead.' },
    LEAD_STATUS_CHANGED: { description: "One of the partner's leads changed status (followed up, rejected, deal, closed, …)." },
    LEAD_EXPIRING: { description: "One of the partner's leads is about to expire unanswered." },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where the delivery of one event to one endpoint stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or its next retry.' },
    SENDING: { description: 'Being posted now.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Retried for a day without success; the endpoint was disabled.' },
  },
});

/**
 * A partner's URL that is POSTed its lead events, signed with the endpoint's secret. The secret is
 * kept as is (signing needs it) and shown only once, when the endpoint is created.
 */
@Entity({ tableName: 'webhook_endpoints' })
@ObjectType({ implements: Node, description: "A URL of the viewer's partner that receives signed lead events." })
export class WebhookEndpoint extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Partner, { index: true })
  partner!: Partner;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  createdBy!: User;

  @Field(() => String, { description: 'Where events are POSTed.' })
  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The event types sent to it.' })
  @Property({ type: 'json' })
  events!: WebhookEventType[];

  @Property({ type: 'string', length: 100, hidden: true })
  secret!: string;

  @Field(() => Date, { description: 'When the endpoint was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, {
    nullable: true,
    description: 'When it was disabled after failing for a day; null while active. Redelivering an event enables it again.',
  })
  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;
}

/**
 * One lead event for one endpoint, written in the change's transaction (the outbox), and its
 * delivery log. `eventId` is the stable id receivers de-duplicate by: every attempt and every
 * redelivery sends the same one. The body is built from these columns alone, so it never changes
 * between attempts and never carries contact details.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['endpoint', 'id'] })
@ObjectType({ description: 'One event sent (or to be sent) to a webhook endpoint: the delivery log.' })
export class WebhookDelivery {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque ID of the delivery, for redeliverWebhookEvent.' })
  get globalId(): string & Opt {
    return toGlobalId('WebhookDelivery', this.id) as string & Opt;
  }

  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: 'The event\'s stable id (the body\'s "id"): the same on every attempt and redelivery.' })
  @Property({ type: 'uuid' })
  eventId: string & Opt = crypto.randomUUID();

  @Field(() => WebhookEventType, { description: 'The event type.' })
  @Enum({ items: () => WebhookEventType, type: 'string' })
  type!: WebhookEventType;

  @ManyToOne(() => LeadEvent, { deleteRule: 'cascade' })
  leadEvent!: LeadEvent;

  @ManyToOne(() => Lead, { deleteRule: 'cascade' })
  lead!: Lead;

  /** The lead's status right after the event. */
  @Enum({ items: () => LeadStatus, type: 'string' })
  leadStatus!: LeadStatus;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  @Enum({ items: () => WebhookDeliveryStatus, type: 'string' })
  status: WebhookDeliveryStatus & Opt = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts so far.' })
  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Field(() => Date, { description: 'When the next attempt is due (while PENDING).' })
  @Property({ type: 'datetime' })
  nextAttemptAt: Date & Opt = new Date();

  @Field(() => Int, {
    nullable: true,
    description: "The HTTP status of the last attempt's answer; null if none came (timeout, refused address).",
  })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed; null after a success.' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { description: 'When the event was written.' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it.' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;
}
