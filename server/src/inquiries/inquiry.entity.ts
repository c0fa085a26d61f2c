import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { CompanySize, InquiryStatus, ProductCategory, RequestType, ServiceType } from '@slp/shared';
import { Node } from '../graphql/node.js';
import { User } from '../auth/user.entity.js';
import { Service } from '../partners/service.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { inquiryDocs } from './inquiry-docs.js';

/** A seller's request for a partner, with the business profile from the seed's form. */
@Entity({ tableName: 'inquiries' })
@Index({ properties: ['seller', 'status', 'id'] })
// A retried submit finds its first result by this key (SPEC section 7); the index makes racing retries one row.
@Unique({ properties: ['seller', 'idempotencyKey'] })
@ObjectType({ implements: Node, description: "A seller's request for a service partner." })
export class Inquiry extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User)
  seller!: User;

  @Field(() => RequestType, { description: inquiryDocs.requestType })
  @Enum({ items: () => RequestType, type: 'string' })
  requestType!: RequestType;

  @Field(() => InquiryStatus, { description: 'ACTIVE while the seller works with partners; CLOSED once the seller closed it.' })
  @Enum({ items: () => InquiryStatus, type: 'string' })
  status: InquiryStatus & Opt = InquiryStatus.ACTIVE;

  @Field(() => ServiceType, { nullable: true, description: 'The service type an OPEN request asks for.' })
  @Enum({ items: () => ServiceType, type: 'string', nullable: true })
  serviceType?: ServiceType | null;

  @ManyToMany(() => Service, undefined, { pivotTable: 'inquiry_target_services', owner: true })
  targetServices = new Collection<Service>(this);

  @OneToMany(() => Lead, (lead) => lead.inquiry)
  leadRows = new Collection<Lead>(this);

  @Property({ type: 'string', length: 100 })
  contactName!: string;

  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Field(() => String, { nullable: true, description: inquiryDocs.location })
  @Property({ type: 'string', length: 100, nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: inquiryDocs.language })
  @Property({ type: 'string', length: 2, nullable: true })
  language?: string | null;

  @Field(() => CompanySize, { description: inquiryDocs.companySize })
  @Enum({ items: () => CompanySize, type: 'string' })
  companySize!: CompanySize;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  shopGmvAmount!: string;

  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  otherChannelsGmvAmount?: string | null;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  budgetAmount!: string;

  @Field(() => ProductCategory, { description: inquiryDocs.productCategory })
  @Enum({ items: () => ProductCategory, type: 'string' })
  productCategory!: ProductCategory;

  @Field(() => String, { nullable: true, description: inquiryDocs.hotSaleProduct })
  @Property({ type: 'string', length: 200, nullable: true })
  hotSaleProduct?: string | null;

  @Field(() => String, { nullable: true, description: inquiryDocs.otherDetails })
  @Property({ type: 'text', nullable: true })
  otherDetails?: string | null;

  @Field(() => Date, { description: 'When the seller submitted it.' })
  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Field(() => Date, { description: 'When it last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Field(() => Date, { nullable: true, description: 'When the seller closed it; null while ACTIVE.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Int, { description: 'Grows with every change: pass it as `updateInquiry(expectedVersion:)` so that no edit is lost.' })
  @Property({ type: 'integer', version: true })
  version!: number & Opt;

  /** The seller's idempotency key of the submit, if it gave one, and a hash of what was submitted with it. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  idempotencyFingerprint?: string | null;
}
