import { Entity, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';
import { User } from '../auth/user.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { Partner } from '../partners/partner.entity.js';

/**
 * A seller's review of the partner it reached a deal with, one per lead (SPEC section 6a). Its author
 * may edit it; an operator may hide it, with a reason, and it then counts for nothing.
 */
@Entity({ tableName: 'partner_reviews' })
// A partner's visible reviews, newest first (Partner.reviews, rating, reviewCount).
@Index({ properties: ['partner', 'createdAt', 'id'] })
@ObjectType({ implements: Node, description: "A seller's review of a partner it reached a deal with." })
export class PartnerReview extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Lead, { unique: true })
  lead!: Lead;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @ManyToOne(() => User)
  author!: User;

  @Field(() => Int, { description: 'From 1 (poor) to 5 (excellent).' })
  @Property({ type: 'smallint' })
  rating!: number;

  @Field(() => String, { nullable: true, description: "The seller's words, plain text." })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date, { description: 'When the seller wrote it.' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { description: 'When the seller last changed it.' })
  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When an operator hid it; only its author and operators see a hidden review.' })
  @Property({ type: 'datetime', nullable: true })
  hiddenAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why an operator hid it.' })
  @Property({ type: 'text', nullable: true })
  hiddenReason?: string | null;

  @ManyToOne(() => User, { nullable: true })
  hiddenBy?: User | null;
}
