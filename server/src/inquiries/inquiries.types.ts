import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CompanySize, ProductCategory, RequestType, ServiceType } from '@slp/shared';
import { connectionOf } from '../graphql/connection.js';
import { DecimalScalar } from '../graphql/scalars.js';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { Inquiry } from './inquiry.entity.js';
import { inquiryDocs } from './inquiry-docs.js';

export const InquiryConnection = connectionOf('Inquiry', Inquiry);

@ObjectType({ description: "The seller's contact details: only for viewers allowed to see them." })
export class SellerContact {
  @Field(() => String, { description: 'The contact name the seller gave.' }) name!: string;
  @Field(() => String, { description: 'The contact email the seller gave.' }) email!: string;
}

@InputType({ description: 'A new inquiry: the business profile and how to find partners.' })
export class SubmitInquiryInput {
  @Field(() => String, { description: inquiryDocs.contactName }) contactName!: string;
  @Field(() => String, { description: inquiryDocs.contactEmail }) contactEmail!: string;
  @Field(() => String, { nullable: true, description: inquiryDocs.location }) location?: string | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.language }) language?: string | null;
  @Field(() => CompanySize, { description: inquiryDocs.companySize }) companySize!: CompanySize;
  @Field(() => String, { description: inquiryDocs.currency }) currency!: string;
  @Field(() => DecimalScalar, { description: inquiryDocs.shopGmv }) shopGmv!: string;
  @Field(() => DecimalScalar, { nullable: true, description: inquiryDocs.otherChannelsGmv }) otherChannelsGmv?: string | null;
  @Field(() => DecimalScalar, { description: inquiryDocs.budget }) budget!: string;
  @Field(() => ProductCategory, { description: inquiryDocs.productCategory }) productCategory!: ProductCategory;
  @Field(() => String, { nullable: true, description: inquiryDocs.hotSaleProduct }) hotSaleProduct?: string | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.otherDetails }) otherDetails?: string | null;
  @Field(() => RequestType, { description: inquiryDocs.requestType }) requestType!: RequestType;
  @Field(() => ServiceType, { nullable: true, description: 'OPEN requests: the service type wanted.' }) serviceType?: ServiceType | null;
  @Field(() => [ID], { nullable: true, description: 'TARGET requests: 1 to 50 public services.' }) targetServiceIds?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Up to 100 characters the client chooses per request, e.g. a UUID: a submit retried with the same key returns the first result and creates nothing new; the same key with a different request is refused with CONFLICT.',
  })
  idempotencyKey?: string | null;
}

const LOCKED = 'Not editable after submitting: giving it is refused with NOT_EDITABLE.';

@InputType({ description: 'Changes to an ACTIVE inquiry; omitted fields stay as they are.' })
export class UpdateInquiryInput {
  @Field(() => ID, { description: inquiryDocs.inquiryId }) inquiryId!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The `version` the edit was made on: refused with CONFLICT, changing nothing, when the inquiry changed since.',
  })
  expectedVersion?: number | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.contactName }) contactName?: string | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.location }) location?: string | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.language }) language?: string | null;
  @Field(() => CompanySize, { nullable: true, description: inquiryDocs.companySize }) companySize?: CompanySize | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.currency }) currency?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: inquiryDocs.shopGmv }) shopGmv?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: inquiryDocs.otherChannelsGmv }) otherChannelsGmv?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: inquiryDocs.budget }) budget?: string | null;
  @Field(() => ProductCategory, { nullable: true, description: inquiryDocs.productCategory }) productCategory?: ProductCategory | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.hotSaleProduct }) hotSaleProduct?: string | null;
  @Field(() => String, { nullable: true, description: inquiryDocs.otherDetails }) otherDetails?: string | null;
  @Field(() => String, { nullable: true, description: LOCKED }) contactEmail?: string | null;
  @Field(() => RequestType, { nullable: true, description: LOCKED }) requestType?: RequestType | null;
  @Field(() => [ID], { nullable: true, description: LOCKED }) targetServiceIds?: string[] | null;
}

@InputType({ description: 'The inquiry to close.' })
export class CloseInquiryInput {
  @Field(() => ID, { description: inquiryDocs.inquiryId }) inquiryId!: string;
}

@ObjectType({ description: 'The result of an inquiry mutation.' })
export class InquiryPayload {
  @Field(() => Inquiry, { nullable: true, description: 'The inquiry as it is now; null when refused.' }) inquiry?: Inquiry | null;
  @UserErrorsField() userErrors!: UserError[];
}
