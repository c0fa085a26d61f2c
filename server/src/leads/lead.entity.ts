import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LeadCloseReason, LeadSource, LeadStatus, RejectReason } from '@slp/shared';
import { Node } from '../graphql/node.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { LeadEvent } from './lead-event.entity.js';

/** One inquiry as one partner sees it. A partner never holds two leads on one inquiry. */
@Entity({ tableName: 'leads' })
@Unique({ properties: ['inquiry', 'partner'] })
// A tab of one partner's leads, and every lead for operators, newest first (see LeadsService.leadsWhere).
@Index({ properties: ['partner', 'status', 'createdAt', 'id'] })
@Index({ properties: ['status', 'createdAt', 'id'] })
// A partner's recent platform assignments, for matching's fair spreading (matching/candidate-features.ts).
@Index({
  name: 'leads_recent_assignments_index',
  expression: `create index "leads_recent_assignments_index" on "leads" ("partner_id", "created_at") where "source" = 'PLATFORM_ASSIGNED' and "close_reason" is distinct from 'UNASSIGNED'`,
})
// NEW platform assignments by deadline, for the operator's "expiring soon" (deadlines/deadlines.resolver.ts).
@Index({
  name: 'leads_open_assignment_deadline_index',
  expression: `create index "leads_open_assignment_deadline_index" on "leads" ("response_due_at") where "status" = 'NEW' and "source" = 'PLATFORM_ASSIGNED'`,
})
@ObjectType({ implements: Node, description: 'An inquiry as seen by one partner.' })
export class Lead extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Inquiry, { index: true })
  inquiry!: Inquiry;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @ManyToOne(() => Service, { nullable: true })
  service?: Service | null;

  @Field(() => LeadStatus, { description: "Where the lead stands; the partner's tab." })
  @Enum({ items: () => LeadStatus, type: 'string' })
  status: LeadStatus & Opt = LeadStatus.NEW;

  @Field(() => LeadSource, { description: 'Whether the seller chose this partner or the platform assigned it.' })
  @Enum({ items: () => LeadSource, type: 'string' })
  source!: LeadSource;

  @Enum({ items: () => RejectReason, type: 'string', nullable: true })
  rejectReason?: RejectReason | null;

  @Property({ type: 'text', nullable: true })
  rejectNote?: string | null;

  /** The partner's own note when no agreement was reached; like reject details, never shown to the seller. */
  @Property({ type: 'text', nullable: true })
  closeNote?: string | null;

  @Field(() => LeadCloseReason, { nullable: true, description: 'Why the lead was closed; null unless CLOSED.' })
  @Enum({ items: () => LeadCloseReason, type: 'string', nullable: true })
  closeReason?: LeadCloseReason | null;

  // Indexed: revoking an authorization finds its leads (a scan of every lead without it).
  @ManyToOne(() => SellerAuthorization, { nullable: true, index: true })
  authorization?: SellerAuthorization | null;

  @OneToMany(() => LeadEvent, (event) => event.lead)
  events = new Collection<LeadEvent>(this);

  @Field(() => Date, { description: 'When the partner received the lead.' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When the partner started following it up.' })
  @Property({ type: 'datetime', nullable: true })
  followedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the deal was reached.' })
  @Property({ type: 'datetime', nullable: true })
  dealAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the partner turned it down.' })
  @Property({ type: 'datetime', nullable: true })
  rejectedAt?: Date | null;

  /**
   * When the partner is due to answer (LEAD_RESPONSE_HOURS after it got the lead): a platform-assigned
   * lead still NEW then expires and moves on; a targeted one's seller is told it waits (deadlines/).
   */
  @Property({ type: 'datetime', nullable: true })
  responseDueAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'NEW platform-assigned leads: expires and moves on to another partner after this; null otherwise.',
  })
  get respondBy(): Date | null {
    return this.source === LeadSource.PLATFORM_ASSIGNED && this.status === LeadStatus.NEW ? (this.responseDueAt ?? null) : null;
  }

  @Field(() => Date, { description: 'When the lead or its inquiry last changed: sync with `filter: { updatedAfter }`.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  // The inquiry's order keys, copied by a trigger so that each tab order has an index (Migration20261201130000).
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true, lazy: true })
  budgetAmount?: string | null;

  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true, lazy: true })
  shopGmvAmount?: string | null;

  @Property({ type: 'smallint', nullable: true, lazy: true })
  companySizeRank?: number | null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
