import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ProductCategory, ServiceType } from '@slp/shared';
import { Node } from '../graphql/node.js';
import { Partner } from './partner.entity.js';
import { serviceDocs } from './service-docs.js';

@Entity({ tableName: 'services' })
@Index({ properties: ['serviceType', 'public'] })
// The services listing a product category, for matching's assignable partners (matching/candidate-features.ts).
@Index({
  name: 'services_product_categories_index',
  expression: 'create index "services_product_categories_index" on "services" using gin ("product_categories")',
})
@ObjectType({ implements: Node, description: 'A service a partner publishes; public ones appear in the directory.' })
export class Service extends Node {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Partner, { index: true })
  partner!: Partner;

  @Field(() => String, { description: serviceDocs.title })
  @Property({ type: 'string', length: 120 })
  title!: string;

  @Field(() => String, { nullable: true, description: serviceDocs.description })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => ServiceType, { description: serviceDocs.serviceType })
  @Enum({ items: () => ServiceType, type: 'string' })
  serviceType!: ServiceType;

  @Field(() => Boolean, { description: 'Listed in the directory, and sellers can target it (when the partner is onboarded).' })
  @Property({ type: 'boolean' })
  public!: boolean;

  @Field(() => [ProductCategory], { description: serviceDocs.productCategories })
  @Enum({ items: () => ProductCategory, array: true, type: 'text[]' })
  productCategories: ProductCategory[] & Opt = [];

  @Field(() => [String], { description: 'Regions the service is offered in; empty means everywhere.' })
  @Property({ type: 'json' })
  regions: string[] & Opt = [];

  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  priceFromAmount?: string | null;

  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  priceToAmount?: string | null;

  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
