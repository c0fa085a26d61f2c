import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PartnerStatus, ProductCategory, ServiceType } from '@slp/shared';
import { connectionOf } from '../graphql/connection.js';
import { DecimalScalar } from '../graphql/scalars.js';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { Partner } from './partner.entity.js';
import { Service } from './service.entity.js';
import { serviceDocs } from './service-docs.js';

export const ServiceConnection = connectionOf('Service', Service);
export const PartnerConnection = connectionOf('Partner', Partner);

@InputType({ description: 'Filters of the public services directory.' })
export class ServiceFilter {
  @Field(() => ServiceType, { nullable: true, description: 'Only services of this type.' }) serviceType?: ServiceType | null;
  @Field(() => ProductCategory, { nullable: true, description: 'Only services serving this product category.' })
  productCategory?: ProductCategory | null;
  @Field(() => String, { nullable: true, description: "Words in the service's title or description or the partner's name." })
  search?: string | null;
}

@InputType({ description: "A new service on the viewer's partner page." })
export class PublishServiceInput {
  @Field(() => String, { description: serviceDocs.title }) title!: string;
  @Field(() => String, { nullable: true, description: serviceDocs.description }) description?: string | null;
  @Field(() => ServiceType, { description: serviceDocs.serviceType }) serviceType!: ServiceType;
  @Field(() => Boolean, { description: 'Public services appear in the directory and can be targeted by sellers.' })
  public!: boolean;
  @Field(() => [ProductCategory], { description: serviceDocs.productCategories }) productCategories!: ProductCategory[];
  @Field(() => DecimalScalar, { nullable: true, description: serviceDocs.priceFrom }) priceFrom?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: serviceDocs.priceTo }) priceTo?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the price range.' }) currency?: string | null;
}

@ObjectType({ description: 'The result of publishing a service.' })
export class ServicePayload {
  @Field(() => Service, { nullable: true, description: 'The published service; null when refused.' }) service?: Service | null;
  @UserErrorsField() userErrors!: UserError[];
}

@InputType({ description: "An operator's decision on a partner." })
export class SetPartnerStatusInput {
  @Field(() => ID, { description: 'Global ID of the partner.' }) partnerId!: string;
  @Field(() => PartnerStatus, { description: 'The status to give it.' }) status!: PartnerStatus;
  @Field(() => String, {
    nullable: true,
    description:
      "Why, in up to 500 characters of plain text: the partner's members read it (e.g. why it is suspended). Optional; the app asks for it when suspending.",
  })
  reason?: string | null;
}

@InputType({ description: "What the viewer's partner says about itself." })
export class UpdatePartnerProfileInput {
  @Field(() => String, {
    nullable: true,
    description: 'Shown on the public partner page; up to 2000 characters, line breaks kept; empty or null clears it.',
  })
  description?: string | null;
}

@ObjectType({ description: 'The result of changing a partner.' })
export class PartnerPayload {
  @Field(() => Partner, { nullable: true, description: 'The partner as it is now; null when refused.' }) partner?: Partner | null;
  @UserErrorsField() userErrors!: UserError[];
}
