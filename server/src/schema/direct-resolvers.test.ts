import { expect, it } from 'vitest';
import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { callFieldResolversDirectly } from './direct-resolvers.js';
import { readPlainFieldsDirectly } from './plain-fields.js';
import { codeFirstSchema } from './schema.js';
import { toGlobalId } from '../graphql/node.js';
import { Lead } from '../leads/lead.entity.js';
import type { Context } from '../request/context.js';

/** Fields of object types still resolved through type-graphql's handler (it builds a `resolverData` per call). */
function throughTypeGraphql(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !['Query', 'Mutation', 'Subscription'].includes(type.name))
    .flatMap((type) => Object.values((type as import('graphql').GraphQLObjectType).getFields()).map((field) => ({ type, field })))
    .filter(({ field }) => field.resolve?.toString().includes('resolverData'))
    .map(({ type, field }) => `${type.name}.${field.name}`)
    .sort();
}

it('leaves type-graphql only the field resolvers that take arguments', async () => {
  const schema = callFieldResolversDirectly(readPlainFieldsDirectly(await codeFirstSchema()));
  // Each takes page arguments, which type-graphql converts.
  expect(throughTypeGraphql(schema)).toEqual(['Inquiry.leads', 'Partner.reviews', 'Partner.services', 'WebhookEndpoint.deliveries']);
  expect(throughTypeGraphql(readPlainFieldsDirectly(await codeFirstSchema()))).toContain('Lead.partner');
});

it('reads a node id on the row, and calls a resolver method with the root and the context it takes', async () => {
  const schema = callFieldResolversDirectly(readPlainFieldsDirectly(await codeFirstSchema()));
  const lead = Object.setPrototypeOf({ id: 7 }, Lead.prototype) as Lead;
  const info = {} as GraphQLResolveInfo;
  const leadFields = (schema.getType('Lead') as import('graphql').GraphQLObjectType).getFields();
  expect(leadFields.id.resolve!(lead, {}, {} as Context, info)).toBe(toGlobalId('Lead', 7));
  const inquiryFields = (schema.getType('Inquiry') as import('graphql').GraphQLObjectType).getFields();
  const inquiry = { budgetAmount: '1500.0000', currency: 'EUR' };
  expect(inquiryFields.budget.resolve!(inquiry, {}, {} as Context, info)).toEqual({ amount: '1500.00', currency: 'EUR' });
});
