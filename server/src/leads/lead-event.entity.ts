import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '@slp/shared';
import { Lead } from './lead.entity.js';
import { User } from '../auth/user.entity.js';

/** One step in a lead's history: who did what, when. */
@Entity({ tableName: 'lead_events' })
@ObjectType({ description: "One step in a lead's history." })
export class LeadEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Lead, { index: true, deleteRule: 'cascade' })
  lead!: Lead;

  @Field(() => String, { description: 'What happened, e.g. CREATED, FOLLOWED_UP, CONTACT_REVEALED, SELLER_CLOSED.' })
  @Property({ type: 'string', length: 40 })
  type!: string;

  @Field(() => Date, { description: 'When it happened.' })
  @Property({ type: 'datetime' })
  at: Date & Opt = new Date();

  @Field(() => Role, { nullable: true, description: 'The role of who did it; null for the platform itself.' })
  @Enum({ items: () => Role, type: 'string', nullable: true })
  actorRole?: Role | null;

  @ManyToOne(() => User, { nullable: true })
  actor?: User | null;

  @Field(() => String, {
    nullable: true,
    description: "Why, in the actor's words: the operator's reason for UNASSIGNED. The lead's partner and operators only; null otherwise.",
  })
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
