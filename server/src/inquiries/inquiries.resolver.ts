import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import { ContactAccess, InquiryStatus } from '@slp/shared';
import type { Context } from '../request/context.js';
import { PageArgs, TwoWayPageArgs } from '../graphql/connection.js';
import { money, Money } from '../graphql/money.js';
import { mutationPayload } from '../graphql/payload.js';
import { contactAccessOf } from './inquiry-access.js';
import { queryOrThrow } from '../auth/guards.js';
import { Service } from '../partners/service.entity.js';
import { LeadConnection } from '../leads/leads.types.js';
import { Inquiry } from './inquiry.entity.js';
import { InquiriesService } from './inquiries.service.js';
import type { InquiryRead } from './inquiry-reads.js';
import {
  CloseInquiryInput,
  InquiryConnection,
  InquiryPayload,
  SellerContact,
  SubmitInquiryInput,
  UpdateInquiryInput,
} from './inquiries.types.js';
import { inquiryDocs } from './inquiry-docs.js';
import { rowIdOf } from '../graphql/node.js';

@Resolver(() => Inquiry)
export class InquiryResolver {
  @Query(() => InquiryConnection, { description: "Seller: the viewer's own inquiries, newest first." })
  myInquiries(
    @Args(() => TwoWayPageArgs) page: TwoWayPageArgs,
    @Arg('status', () => InquiryStatus, { nullable: true, description: 'Only inquiries in this status; all when omitted.' })
    status: InquiryStatus | null,
    @Ctx() ctx: Context,
  ) {
    return queryOrThrow(() => new InquiriesService(ctx.em).mine(ctx.viewer, status, page));
  }

  @FieldResolver(() => Money, { description: inquiryDocs.shopGmv }) shopGmv(@Root() inquiry: InquiryRead) {
    return money(inquiry.shopGmvAmount, inquiry.currency);
  }

  @FieldResolver(() => Money, { nullable: true, description: inquiryDocs.otherChannelsGmv }) otherChannelsGmv(
    @Root() inquiry: InquiryRead,
  ) {
    return money(inquiry.otherChannelsGmvAmount, inquiry.currency);
  }

  @FieldResolver(() => Money, { description: inquiryDocs.budget }) budget(@Root() inquiry: InquiryRead) {
    return money(inquiry.budgetAmount, inquiry.currency);
  }

  @FieldResolver(() => SellerContact, { nullable: true, description: 'Null unless this viewer may see it; contactAccess says why.' })
  contact(@Root() inquiry: InquiryRead): SellerContact {
    return { name: inquiry.contactName, email: inquiry.contactEmail };
  }

  @FieldResolver(() => ContactAccess, { description: 'Whether this viewer sees the contact details, and why not.' })
  contactAccess(@Root() inquiry: InquiryRead, @Ctx() ctx: Context) {
    return contactAccessOf(ctx, inquiry);
  }

  @FieldResolver(() => [Service], { description: 'TARGET requests: the services the seller chose.' })
  async targetServices(@Root() inquiry: InquiryRead, @Ctx() ctx: Context) {
    return (await ctx.loaders.targetServices.load(inquiry.id)).map((row) => row.service);
  }

  @FieldResolver(() => LeadConnection, { description: "The owner and operators: every partner's lead; a partner: its own." })
  async leads(@Root() inquiry: InquiryRead, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const leads = await ctx.loaders.leadsOfInquiry.load(inquiry.id);
    return new InquiriesService(ctx.em).leadsPage(ctx.viewer, inquiry, leads, page);
  }

  @Mutation(() => InquiryPayload, { description: 'Seller: sends a request to chosen services (TARGET) or to the platform (OPEN).' })
  submitInquiry(@InputArg(() => SubmitInquiryInput) input: SubmitInquiryInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () =>
        new InquiriesService(ctx.em).submit(ctx.viewer, {
          ...input,
          targetServiceIds: input.targetServiceIds?.map((id) => rowIdOf(id, 'Service')),
        }),
      ({ inquiry, leads }) => {
        // A new inquiry's leads are the ones just created: the payload lists them without reading them back.
        ctx.loaders.leadsOfInquiry.prime(inquiry.id, leads);
        return { inquiry };
      },
    );
  }

  @Mutation(() => InquiryPayload, { description: 'Seller: edits an ACTIVE inquiry (not its contact email, type or services).' })
  updateInquiry(@InputArg(() => UpdateInquiryInput) input: UpdateInquiryInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new InquiriesService(ctx.em).update(ctx.viewer, { ...input, inquiryId: rowIdOf(input.inquiryId, 'Inquiry') }),
      (inquiry) => ({ inquiry }),
    );
  }

  @Mutation(() => InquiryPayload, { description: 'Seller: closes the whole inquiry and every open lead on it.' })
  closeInquiry(@InputArg(() => CloseInquiryInput) input: CloseInquiryInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new InquiriesService(ctx.em).close(ctx.viewer, rowIdOf(input.inquiryId, 'Inquiry')),
      ({ inquiry }) => ({ inquiry }),
    );
  }
}
