import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApiTokenScope } from '@slp/shared';
import { toGlobalId } from '../graphql/node.js';
import { Partner } from '../partners/partner.entity.js';
import { User } from '../auth/user.entity.js';

/**
 * A partner's credential for its own dashboards and scripts. Only the SHA-256 of the secret is
 * stored: the secret is shown once, when the token is created.
 */
@Entity({ tableName: 'api_tokens' })
@ObjectType({ description: "An API token of the viewer's partner (the secret itself is never shown again)." })
export class ApiToken {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Global, opaque ID of the token (not its secret).' })
  get globalId(): string & Opt {
    return toGlobalId('ApiToken', this.id) as string & Opt;
  }

  @ManyToOne(() => Partner, { index: true })
  partner!: Partner;

  /** The member who created it; the token acts as this member while the member stays in the partner. */
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  createdBy!: User;

  @Field(() => String, { description: 'What the token is for, e.g. "Sales dashboard".' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => ApiTokenScope, { description: 'What the token may do.' })
  @Enum({ items: () => ApiTokenScope, type: 'string' })
  scope!: ApiTokenScope;

  @Property({ type: 'string', length: 64, unique: true, hidden: true })
  secretHash!: string;

  @Field(() => String, { description: 'The first characters of the secret, to recognise the token, e.g. "slp_Xb3k…".' })
  @Property({ type: 'string', length: 20 })
  hint!: string;

  @Field(() => Date, { description: 'When the token was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When the token was last used, to the minute; null if never.' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; a revoked token is refused at once.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
