import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CompanySize, ProductCategory, RequestType, ServiceType } from '@slp/shared';
import { connectionOf } from '../graphql/connection.js';
import { DecimalScalar } from '../graphql/scalars.js';
import { UserError } from '../graphql/user-error.js';
import { Inquiry } from './inquiry.entity.js';

export const InquiryConnection = connectionOf('Inquiry', Inquiry);

@ObjectType({ description: "The seller's contact details: only for viewers allowed to see them." })
export class SellerContact {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
}

const LANGUAGE = 'The language the seller wants to work in: a two-letter ISO 639-1 code such as en.';

@InputType()
export class SubmitInquiryInput {
  @Field(() => String, { description: 'Contact name (the form\'s "Subject").' }) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true, description: LANGUAGE }) language?: string | null;
  @Field(() => CompanySize) companySize!: CompanySize;
  @Field(() => String, { description: 'ISO 4217 code of every amount below.' }) currency!: string;
  @Field(() => DecimalScalar, { description: 'Average monthly GMV on TikTok Shop.' }) shopGmv!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Monthly GMV on other channels.' }) otherChannelsGmv?: string | null;
  @Field(() => DecimalScalar, { description: 'Monthly budget to pay a partner.' }) budget!: string;
  @Field(() => ProductCategory) productCategory!: ProductCategory;
  @Field(() => String, { nullable: true }) hotSaleProduct?: string | null;
  @Field(() => String, { nullable: true }) otherDetails?: string | null;
  @Field(() => RequestType) requestType!: RequestType;
  @Field(() => ServiceType, { nullable: true, description: 'OPEN requests: the service type wanted.' }) serviceType?: ServiceType | null;
  @Field(() => [ID], { nullable: true, description: 'TARGET requests: 1 to 50 public services.' }) targetServiceIds?: string[] | null;
}

const LOCKED = 'Not editable after submitting: giving it is refused with NOT_EDITABLE.';

@InputType({ description: 'Changes to an ACTIVE inquiry; omitted fields stay as they are.' })
export class UpdateInquiryInput {
  @Field(() => ID) inquiryId!: string;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true, description: LANGUAGE }) language?: string | null;
  @Field(() => CompanySize, { nullable: true }) companySize?: CompanySize | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) shopGmv?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) otherChannelsGmv?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) budget?: string | null;
  @Field(() => ProductCategory, { nullable: true }) productCategory?: ProductCategory | null;
  @Field(() => String, { nullable: true }) hotSaleProduct?: string | null;
  @Field(() => String, { nullable: true }) otherDetails?: string | null;
  @Field(() => String, { nullable: true, description: LOCKED }) contactEmail?: string | null;
  @Field(() => RequestType, { nullable: true, description: LOCKED }) requestType?: RequestType | null;
  @Field(() => [ID], { nullable: true, description: LOCKED }) targetServiceIds?: string[] | null;
}

@InputType()
export class CloseInquiryInput {
  @Field(() => ID) inquiryId!: string;
}

@ObjectType()
export class InquiryPayload {
  @Field(() => Inquiry, { nullable: true }) inquiry?: Inquiry | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

