import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { PartnerStatus } from '@slp/shared';
import { Node } from '../graphql/node.js';

@Entity({ tableName: 'partners' })
@ObjectType({ implements: Node, description: 'A service partner (TSP): an organisation of one or more users.' })
export class Partner extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: "The partner organisation's name." })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { description: 'Public contact email: visitors without a shop account write here.' })
  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the partner does, in its own words, shown on its public page (its members edit it).',
  })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the partner is based.' })
  @Property({ type: 'string', length: 100, nullable: true })
  location?: string | null;

  @Field(() => [String], { description: 'Languages the partner works in.' })
  @Property({ type: 'json' })
  languages: string[] & Opt = [];

  @Field(() => PartnerStatus, { description: 'Whether the partner can work on the platform (an operator onboards or suspends it).' })
  @Enum({ items: () => PartnerStatus, type: 'string', index: true })
  status: PartnerStatus & Opt = PartnerStatus.PENDING;

  @Field(() => String, {
    nullable: true,
    description:
      "The operator's reason for the partner's current status (e.g. why it was suspended); null when none was given. Its members and operators only.",
  })
  @Property({ type: 'string', length: 500, nullable: true })
  statusReason?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When an operator last changed the status; null while it never has. Its members and operators only.',
  })
  @Property({ type: 'datetime', nullable: true })
  statusChangedAt?: Date | null;

  @Field(() => Int, { description: 'How many active (NEW or FOLLOWING) leads the partner can work at once.' })
  @Property({ type: 'integer' })
  capacity: number & Opt = 20;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
