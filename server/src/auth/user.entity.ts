import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '@slp/shared';
import { Node } from '../graphql/node.js';
import { Partner } from '../partners/partner.entity.js';

@Entity({ tableName: 'users' })
@ObjectType({ implements: Node, description: 'A person who logs in: a seller, a partner member or an operator.' })
export class User extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'The email the user logs in with.' })
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => String, { description: "The user's name." })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => Role, { description: 'Seller, partner member or operator.' })
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  /** The partner organisation a PARTNER user is a member of (indexed: a partner's members are looked up to notify them). */
  @ManyToOne(() => Partner, { nullable: true, index: true })
  partner?: Partner | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
