import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PartnerStatus } from '@slp/shared';
import { queryOrThrow } from '../auth/guards.js';
import { InputArg } from '../graphql/user-error.js';
import type { Context } from '../request/context.js';
import { PageArgs, TwoWayPageArgs } from '../graphql/connection.js';
import { rowIdOf } from '../graphql/node.js';
import { money, Money } from '../graphql/money.js';
import { mutationPayload } from '../graphql/payload.js';
import { Partner } from './partner.entity.js';
import { Service } from './service.entity.js';
import { PartnersService } from './partners.service.js';
import {
  PartnerConnection,
  PartnerPayload,
  PublishServiceInput,
  ServiceConnection,
  ServiceFilter,
  ServicePayload,
  SetPartnerStatusInput,
  UpdatePartnerProfileInput,
} from './partners.types.js';
import { serviceDocs } from './service-docs.js';
import type { PartnerRead, ServiceRead } from './partner-reads.js';

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => ServiceConnection, { description: "The partner's services: public ones, or all for its members and operators." })
  services(@Root() partner: PartnerRead, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return new PartnersService(ctx.em).servicesOf(ctx.viewer, partner, page);
  }

  @Query(() => PartnerConnection, { description: 'Operator: every partner, newest first, to onboard or suspend them.' })
  partners(
    @Args(() => TwoWayPageArgs) page: TwoWayPageArgs,
    @Arg('status', () => PartnerStatus, { nullable: true, description: 'Only partners in this status.' }) status: PartnerStatus | null,
    @Ctx() ctx: Context,
  ) {
    return queryOrThrow(() => new PartnersService(ctx.em).list(ctx.viewer, status, page));
  }

  @Mutation(() => PartnerPayload, { description: 'Operator: onboard, suspend or set back to pending.' })
  setPartnerStatus(@InputArg(() => SetPartnerStatusInput) input: SetPartnerStatusInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new PartnersService(ctx.em).setPartnerStatus(ctx.viewer, { ...input, partnerId: rowIdOf(input.partnerId, 'Partner') }),
      (partner) => ({ partner }),
    );
  }

  @Mutation(() => PartnerPayload, { description: "Partner: edits the viewer's partner's public description." })
  updatePartnerProfile(@InputArg(() => UpdatePartnerProfileInput) input: UpdatePartnerProfileInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new PartnersService(ctx.em).updatePartnerProfile(ctx.viewer, input),
      (partner) => ({ partner }),
    );
  }
}

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => ServiceConnection, { description: 'The public services directory: public services of onboarded partners.' })
  services(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ServiceFilter, { nullable: true, description: 'Narrows the directory; all listed services when omitted.' })
    filter: ServiceFilter | null,
    @Ctx() ctx: Context,
  ) {
    return new PartnersService(ctx.em).directory(filter ?? {}, page);
  }

  @FieldResolver(() => Partner, { description: 'The partner offering the service.' })
  async partner(@Root() service: ServiceRead, @Ctx() ctx: Context) {
    return ctx.loaders.partner.get(service.partner.id);
  }

  @FieldResolver(() => Money, { nullable: true, description: serviceDocs.priceFrom })
  priceFrom(@Root() service: ServiceRead) {
    return money(service.priceFromAmount, service.currency);
  }

  @FieldResolver(() => Money, { nullable: true, description: serviceDocs.priceTo })
  priceTo(@Root() service: ServiceRead) {
    return money(service.priceToAmount, service.currency);
  }

  @Mutation(() => ServicePayload, { description: "Partner: publishes a service under the viewer's partner." })
  publishService(@InputArg(() => PublishServiceInput) input: PublishServiceInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new PartnersService(ctx.em).publishService(ctx.viewer, input),
      (service) => ({ service }),
    );
  }
}
