import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import type { Context } from '../request/context.js';
import { mutationPayload } from '../graphql/payload.js';
import { queryOrThrow, requirePartnerOrThrow } from '../auth/guards.js';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';
import { WebhooksService } from './webhooks.service.js';
import { rowIdOf } from '../graphql/node.js';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  RedeliverWebhookEventInput,
  WebhookDeliveryPayload,
  WebhookEndpointPayload,
} from './webhooks.types.js';
import type { Read } from '../db/lean-read.js';

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], { description: "Partner: the partner's webhook endpoints, newest first." })
  webhookEndpoints(@Ctx() ctx: Context) {
    requirePartnerOrThrow(ctx);
    return new WebhooksService(ctx.em).list(ctx.viewer);
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'The delivery log: events sent or to be sent to this endpoint, newest first.' })
  deliveries(
    @Root() endpoint: Read<WebhookEndpoint>,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 0 to 100.' }) first: number,
    @Ctx() ctx: Context,
  ) {
    return queryOrThrow(() => new WebhooksService(ctx.em).deliveries(endpoint, first));
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Partner: creates a webhook endpoint; its secret is in this response only.' })
  createWebhookEndpoint(@InputArg(() => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new WebhooksService(ctx.em).create(ctx.viewer, input),
      (created) => created,
    );
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Partner: deletes a webhook endpoint; it is sent nothing more.' })
  deleteWebhookEndpoint(@InputArg(() => DeleteWebhookEndpointInput) input: DeleteWebhookEndpointInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new WebhooksService(ctx.em).delete(ctx.viewer, rowIdOf(input.webhookEndpointId, 'WebhookEndpoint')),
      (webhookEndpoint) => ({ webhookEndpoint }),
    );
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Partner: sends an event again, with the same event id; enables its endpoint again if it was disabled.',
  })
  redeliverWebhookEvent(@InputArg(() => RedeliverWebhookEventInput) input: RedeliverWebhookEventInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new WebhooksService(ctx.em).redeliver(ctx.viewer, rowIdOf(input.webhookDeliveryId, 'WebhookDelivery')),
      (webhookDelivery) => ({ webhookDelivery }),
    );
  }
}
