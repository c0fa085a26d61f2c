import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** The developer's mailbox: where emails go when no SMTP server is configured. */
@Entity({ tableName: 'mailbox_messages' })
@ObjectType({ description: 'An email delivered to the local mailbox (used when no SMTP server is configured).' })
export class MailboxMessage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Unique, so delivering one outbox row twice stores it once. */
  @Field(() => String, { description: 'The Message-ID header, stable across delivery attempts.' })
  @Property({ type: 'string', length: 100, unique: true })
  messageId!: string;

  @Field(() => String, { description: 'The sender address.' })
  @Property({ type: 'string', length: 254 })
  from!: string;

  @Field(() => String, { description: 'The recipient address.' })
  @Property({ type: 'string', length: 254, index: true })
  to!: string;

  @Field(() => String, { description: 'The subject line.' })
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Field(() => String, { description: 'The plain-text body.' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => String, { description: 'The HTML body.' })
  @Property({ type: 'text' })
  html!: string;

  @Field(() => Date, { description: 'When it was delivered.' })
  @Property({ type: 'datetime' })
  deliveredAt: Date & Opt = new Date();
}
