import 'reflect-metadata';
import '../graphql/enums.js';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { DateTimeScalar } from '../graphql/scalars.js';
import { applyFieldGuards } from './field-guards.js';
import { readPlainFieldsDirectly } from './plain-fields.js';
import { callFieldResolversDirectly } from './direct-resolvers.js';
import { NodeResolver } from './node.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { PartnerResolver, ServiceResolver } from '../partners/partners.resolver.js';
import { InquiryResolver } from '../inquiries/inquiries.resolver.js';
import { LeadResolver } from '../leads/leads.resolver.js';
import { AuthorizationResolver } from '../authorizations/authorizations.resolver.js';
import { ApiTokenResolver } from '../api-tokens/api-tokens.resolver.js';
import { LeadStatsResolver } from '../stats/lead-stats.resolver.js';
import { WebhookResolver } from '../webhooks/webhooks.resolver.js';
import { MatchingResolver } from '../matching/matching.resolver.js';
import { SubscriptionResolver } from '../notifications/subscriptions.resolver.js';
import { MailboxResolver } from '../notifications/mailbox.resolver.js';
import { noTopicsPubSub } from '../notifications/live-events.js';
import { DeadlinesResolver } from '../deadlines/deadlines.resolver.js';
import { LeadReviewResolver, PartnerRecordResolver, ReviewResolver } from '../reviews/reviews.resolver.js';

export const resolvers = [
  NodeResolver,
  AuthResolver,
  PartnerResolver,
  ServiceResolver,
  InquiryResolver,
  LeadResolver,
  AuthorizationResolver,
  ApiTokenResolver,
  MatchingResolver,
  SubscriptionResolver,
  MailboxResolver,
  LeadStatsResolver,
  PartnerRecordResolver,
  ReviewResolver,
  LeadReviewResolver,
  DeadlinesResolver,
  WebhookResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** type-graphql has no option for the root types' descriptions, so they are set on the built schema. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) query.description = 'Everything the viewer may read: its inquiries, leads, services and more.';
  if (mutation) mutation.description = 'Everything the viewer may do; refusals come back as userErrors.';
  if (subscription) subscription.description = 'Live updates over WebSocket, each for the users it concerns.';
  return schema;
}

/** The schema as type-graphql builds it from the resolvers, before the transforms below. */
export function codeFirstSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: noTopicsPubSub,
    validate: false,
  });
}

/**
 * Each gives the same guarded schema in any order (field-guards.test.ts): the access guards mark what
 * they guard. Direct calls go before the guards so that guarded fields get them too.
 */
export const schemaTransforms = [readPlainFieldsDirectly, callFieldResolversDirectly, applyFieldGuards, describeRootTypes] as const;

/** The code-first schema; schema.graphql at the repository root is its printed copy. */
export function appSchema(): Promise<GraphQLSchema> {
  built ??= codeFirstSchema().then((schema) => schemaTransforms.reduce((result, transform) => transform(result), schema));
  return built;
}
