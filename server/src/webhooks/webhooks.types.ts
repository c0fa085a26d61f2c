import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './webhook.entity.js';

@InputType({ description: "A new webhook endpoint of the viewer's partner." })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'Where to POST events; in production an https URL of a public address.' }) url!: string;
  @Field(() => [WebhookEventType], { description: 'The event types to send it, at least one.' }) events!: WebhookEventType[];
}

@InputType({ description: 'The webhook endpoint to delete.' })
export class DeleteWebhookEndpointInput {
  @Field(() => ID, { description: 'ID of the endpoint (WebhookEndpoint.id).' }) webhookEndpointId!: string;
}

@InputType({ description: 'The delivery whose event to send again.' })
export class RedeliverWebhookEventInput {
  @Field(() => ID, { description: "ID of a delivery from the endpoint's log (WebhookDelivery.id)." }) webhookDeliveryId!: string;
}

@ObjectType({ description: 'The result of creating or deleting a webhook endpoint.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint.' }) webhookEndpoint?: WebhookEndpoint | null;
  @Field(() => String, {
    nullable: true,
    description: 'On create only, and only in this response: the secret that signs every event (Slp-Signature).',
  })
  secret?: string | null;

  @UserErrorsField() userErrors!: UserError[];
}

@ObjectType({ description: 'The result of redelivering a webhook event.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The new delivery of the same event (same eventId).' })
  webhookDelivery?: WebhookDelivery | null;
  @UserErrorsField() userErrors!: UserError[];
}
