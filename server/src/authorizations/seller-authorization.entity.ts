import { Entity, Index, ManyToOne, Unique, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';
import { User } from '../auth/user.entity.js';
import { Partner } from '../partners/partner.entity.js';

/** A seller's grant of shop access to a partner; its code is what the seller reads out to the partner. */
@Entity({ tableName: 'seller_authorizations' })
@Index({ properties: ['seller', 'partner'] })
// One live authorization per seller and partner: two racing grants cannot both succeed.
@Unique({
  name: 'seller_authorizations_live_unique',
  expression:
    'create unique index "seller_authorizations_live_unique" on "seller_authorizations" ("seller_id", "partner_id") where "revoked_at" is null',
})
@ObjectType({ implements: Node, description: 'Shop access a seller granted to a partner.' })
export class SellerAuthorization extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'The code the seller gives the partner, e.g. "AUTH-7K2Q-9XWM".' })
  @Property({ type: 'string', length: 32, unique: true })
  authorizationId!: string;

  @ManyToOne(() => User)
  seller!: User;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @Field(() => Date, { description: 'When the seller granted it.' })
  @Property({ type: 'datetime' })
  grantedAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When the seller revoked it; null while it is in force.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
