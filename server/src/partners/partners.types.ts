import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PartnerStatus, ProductCategory, ServiceType } from '@slp/shared';
import { connectionOf } from '../graphql/connection.js';
import { DecimalScalar } from '../graphql/scalars.js';
import { UserError } from '../graphql/user-error.js';
import { Partner } from './partner.entity.js';
import { Service } from './service.entity.js';

export const ServiceConnection = connectionOf('Service', Service);

@InputType({ description: 'Filters of the public services directory.' })
export class ServiceFilter {
  @Field(() => ServiceType, { nullable: true }) serviceType?: ServiceType | null;
  @Field(() => ProductCategory, { nullable: true }) productCategory?: ProductCategory | null;
  @Field(() => String, { nullable: true, description: "Words in the service's title or description or the partner's name." })
  search?: string | null;
}

@InputType()
export class PublishServiceInput {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ServiceType) serviceType!: ServiceType;
  @Field(() => Boolean, { description: 'Public services appear in the directory and can be targeted by sellers.' })
  public!: boolean;
  @Field(() => [ProductCategory]) productCategories!: ProductCategory[];
  @Field(() => DecimalScalar, { nullable: true }) priceFrom?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) priceTo?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the price range.' }) currency?: string | null;
}

@ObjectType()
export class ServicePayload {
  @Field(() => Service, { nullable: true }) service?: Service | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class SetPartnerStatusInput {
  @Field(() => ID, { description: 'Global ID of the partner.' }) partnerId!: string;
  @Field(() => PartnerStatus) status!: PartnerStatus;
}

@ObjectType()
export class PartnerPayload {
  @Field(() => Partner, { nullable: true }) partner?: Partner | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
