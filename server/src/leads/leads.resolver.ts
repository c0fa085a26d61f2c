import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import { LeadStatus, RejectReason } from '@slp/shared';
import type { Context } from '../request/context.js';
import { TwoWayPageArgs } from '../graphql/connection.js';
import { primeViewerLead, type Loaders } from '../request/loaders.js';
import { selectedOnNodes } from '../graphql/selection.js';
import { mutationPayload } from '../graphql/payload.js';
import { queryOrThrow, refusalAsGraphQLError } from '../auth/guards.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { InquiriesService } from '../inquiries/inquiries.service.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { Lead } from './lead.entity.js';
import { LeadEvent } from './lead-event.entity.js';
import type { LeadChange } from './lead-state-machine.js';
import { LeadsService } from './leads.service.js';
import { servicesOfLead } from './lead-services.js';
import { rowIdOf } from '../graphql/node.js';
import {
  AcceptCooperationInput,
  CloseLeadInput,
  FollowLeadInput,
  LeadConnection,
  LeadCounts,
  LeadFilter,
  LeadOrder,
  LeadPayload,
  MarkNoAgreementInput,
  RejectLeadInput,
} from './leads.types.js';
import type { LeadRead } from './lead-reads.js';

/** A changed lead as a payload; the partner's own lead then answers access checks on its inquiry. */
function leadPayload(ctx: Context, run: () => Promise<LeadChange>) {
  return mutationPayload(run, ({ lead }) => {
    primeViewerLead(ctx.loaders, ctx.viewer, lead);
    return { lead };
  });
}

/**
 * Loads up front, in one batch, the inquiries, partners and services the query asks for on a page
 * of leads: graphql-js then completes the whole page in one pass instead of a promise per lead.
 */
async function holdRelations(loaders: Loaders, leads: LeadRead[], asked: Set<string>): Promise<void> {
  const ids = (pick: (lead: LeadRead) => { id: number } | null | undefined) => leads.flatMap((lead) => pick(lead)?.id ?? []);
  await Promise.all([
    asked.has('inquiry') && loaders.inquiry.hold(ids((lead) => lead.inquiry)),
    asked.has('partner') && loaders.partner.hold(ids((lead) => lead.partner)),
    asked.has('service') && loaders.service.hold(ids((lead) => lead.service)),
  ]);
}

@Resolver(() => Lead)
export class LeadResolver {
  @Query(() => LeadConnection, {
    description: "One tab of the viewer's partner's leads (operators: every partner's), newest first unless ordered.",
  })
  async leads(
    @Arg('status', () => LeadStatus, { description: 'The tab: NEW, FOLLOWING, DEAL or CLOSED (REJECTED lists turned-down leads).' })
    status: LeadStatus,
    @Args(() => TwoWayPageArgs) page: TwoWayPageArgs,
    @Arg('filter', () => LeadFilter, { nullable: true, description: 'Narrows the tab.' }) filter: LeadFilter | null,
    @Arg('orderBy', () => LeadOrder, { nullable: true, description: 'The order; newest first when omitted.' }) orderBy: LeadOrder | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Words to find in what the viewer may see of each lead (product category, hot-sale product, other details, service title); each matches as a word prefix.',
    })
    search: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const connection = await queryOrThrow(() => new LeadsService(ctx.em).tab(ctx.viewer, { status, filter, search, orderBy }, page));
    const leads = connection.edges.map(({ node }) => node);
    for (const lead of leads) primeViewerLead(ctx.loaders, ctx.viewer, lead);
    await holdRelations(ctx.loaders, leads, selectedOnNodes(info));
    return connection;
  }

  @Query(() => LeadCounts, { description: "The badges of the viewer's partner's four tabs (operators: all partners)." })
  leadCounts(@Ctx() ctx: Context) {
    return refusalAsGraphQLError(() => new LeadsService(ctx.em).counts(ctx.viewer));
  }

  @FieldResolver(() => Inquiry, { nullable: true, description: 'Null for a partner whose lead is REJECTED.' })
  inquiry(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return ctx.loaders.inquiry.get(lead.inquiry.id);
  }

  @FieldResolver(() => Partner, { description: 'The partner working the lead.' })
  partner(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return ctx.loaders.partner.get(lead.partner.id);
  }

  @FieldResolver(() => Service, { nullable: true, description: 'The service the seller chose; null for leads the platform assigned.' })
  service(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return lead.service ? ctx.loaders.service.get(lead.service.id) : null;
  }

  @FieldResolver(() => [Service], {
    description:
      'Every service the seller chose from this partner (the first is `service`); a platform-assigned lead: the one it was matched on.',
  })
  services(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return servicesOfLead(ctx.loaders, lead);
  }

  @FieldResolver(() => RejectReason, { nullable: true, description: 'Never visible to the seller.' })
  rejectReason(@Root() lead: LeadRead) {
    return lead.rejectReason ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Never visible to the seller.' })
  rejectNote(@Root() lead: LeadRead) {
    return lead.rejectNote ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The partner's remark when no agreement was reached; never visible to the seller.",
  })
  closeNote(@Root() lead: LeadRead) {
    return lead.closeNote ?? null;
  }

  @FieldResolver(() => SellerAuthorization, { nullable: true, description: 'The authorization matched when the deal was reached.' })
  authorization(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return lead.authorization ? ctx.loaders.authorization.get(lead.authorization.id) : null;
  }

  @FieldResolver(() => [LeadEvent], { description: 'Who did what, when, oldest first.' })
  history(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return ctx.loaders.leadEvents.load(lead.id);
  }

  @Mutation(() => LeadPayload, { description: "Seller: closes one partner's lead on the seller's inquiry." })
  closeLead(@InputArg(() => CloseLeadInput) input: CloseLeadInput, @Ctx() ctx: Context) {
    return leadPayload(ctx, () => new InquiriesService(ctx.em).closeLead(ctx.viewer, rowIdOf(input.leadId, 'Lead')));
  }

  @Mutation(() => LeadPayload, { description: "Partner: follows up a NEW lead; the seller's contact details become visible." })
  followLead(@InputArg(() => FollowLeadInput) input: FollowLeadInput, @Ctx() ctx: Context) {
    return leadPayload(ctx, () => new LeadsService(ctx.em).follow(ctx.viewer, rowIdOf(input.leadId, 'Lead')));
  }

  @Mutation(() => LeadPayload, { description: "Partner: turns down a NEW lead; the partner loses access to the seller's information." })
  rejectLead(@InputArg(() => RejectLeadInput) input: RejectLeadInput, @Ctx() ctx: Context) {
    return leadPayload(ctx, () => new LeadsService(ctx.em).reject(ctx.viewer, { ...input, leadId: rowIdOf(input.leadId, 'Lead') }));
  }

  @Mutation(() => LeadPayload, { description: 'Partner: reaches a deal on a FOLLOWING lead with an authorization ID the seller granted.' })
  acceptCooperation(@InputArg(() => AcceptCooperationInput) input: AcceptCooperationInput, @Ctx() ctx: Context) {
    return leadPayload(ctx, () =>
      new LeadsService(ctx.em).acceptCooperation(ctx.viewer, { ...input, leadId: rowIdOf(input.leadId, 'Lead') }),
    );
  }

  @Mutation(() => LeadPayload, { description: 'Partner: closes a FOLLOWING lead because no agreement was reached.' })
  markNoAgreement(@InputArg(() => MarkNoAgreementInput) input: MarkNoAgreementInput, @Ctx() ctx: Context) {
    return leadPayload(ctx, () =>
      new LeadsService(ctx.em).markNoAgreement(ctx.viewer, { ...input, leadId: rowIdOf(input.leadId, 'Lead') }),
    );
  }
}
