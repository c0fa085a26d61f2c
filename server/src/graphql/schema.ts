import 'reflect-metadata';
import './enums.js';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { DateTimeScalar } from './scalars.js';
import { NodeResolver } from './node.resolver.js';
import { objectVisibility } from '../auth/visibility.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { PartnerResolver, ServiceResolver } from '../partners/partners.resolver.js';
import { InquiryResolver } from '../inquiries/inquiries.resolver.js';
import { LeadResolver } from '../leads/leads.resolver.js';
import { AuthorizationResolver } from '../authorizations/authorizations.resolver.js';

export const resolvers = [
  NodeResolver, AuthResolver, PartnerResolver, ServiceResolver, InquiryResolver, LeadResolver, AuthorizationResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The code-first schema; schema.graphql at the repository root is its printed copy. */
export function appSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    globalMiddlewares: [objectVisibility],
    validate: false,
  });
  return built;
}
