import { describe, expect, it } from 'vitest';
import { getNamedType, isAbstractType, isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { fieldRules, isRestrictedType, objectRules } from './access-guards.js';
import { applyFieldGuards, isGuarded } from './field-guards.js';
import { readPlainFieldsDirectly } from './plain-fields.js';
import { appSchema, codeFirstSchema, schemaTransforms } from './schema.js';

/** Every field of every object type, by schema coordinate. */
function fields(schema: GraphQLSchema) {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values((type as import('graphql').GraphQLObjectType).getFields()).map((field) => ({
        coordinate: `${type.name}.${field.name}`,
        field,
      })),
    );
}

/** Walks the printed schema on its own, without the guards' code: what can reach a restricted object. */
function reachesRestricted(schema: GraphQLSchema, typeName: string): boolean {
  const type = schema.getType(typeName)!;
  return isAbstractType(type) ? schema.getPossibleTypes(type).some((t) => isRestrictedType(t.name)) : isRestrictedType(type.name);
}

const guardedCoordinates = (schema: GraphQLSchema) =>
  fields(schema)
    .filter(({ field }) => isGuarded(field.resolve))
    .map((f) => f.coordinate);

describe('the access policy on the schema', () => {
  it('names every restricted type of the product, each of which the schema has', async () => {
    const schema = await appSchema();
    expect(Object.keys(objectRules).sort()).toEqual([
      'ApiToken',
      'Inquiry',
      'Lead',
      'MailboxMessage',
      'Partner',
      'PartnerReview',
      'SellerAuthorization',
      'Service',
      'User',
      'WebhookEndpoint',
    ]);
    for (const name of Object.keys(objectRules)) expect(schema.getType(name), name).toBeDefined();
  });

  it('guards every field that returns a restricted type: directly, in a list, connection, payload or subscription', async () => {
    const schema = await appSchema();
    const unguarded = fields(schema)
      .filter(({ field }) => reachesRestricted(schema, getNamedType(field.type).name) && !isGuarded(field.resolve))
      .map(({ coordinate }) => coordinate);
    expect(unguarded).toEqual([]);
    // The paths of issue 14's fifth reproduction, named so that a regression reads plainly.
    for (const coordinate of [
      'LeadEdge.node',
      'InquiryEdge.node',
      'LeadPayload.lead',
      'LeadAlert.lead',
      'InquiryUpdate.inquiry',
      'Query.node',
    ]) {
      expect(guardedCoordinates(schema), coordinate).toContain(coordinate);
    }
  });

  it('guards every restricted field and every mutation (token scope)', async () => {
    const schema = await appSchema();
    const guarded = guardedCoordinates(schema);
    expect(Object.keys(fieldRules).filter((coordinate) => !guarded.includes(coordinate))).toEqual([]);
    // The seller's contact is reachable only through a field with its own rule.
    const toContact = fields(schema)
      .filter(({ field }) => getNamedType(field.type).name === 'SellerContact')
      .map((f) => f.coordinate);
    expect(toContact).toEqual(['Inquiry.contact']);
    expect(Object.keys(fieldRules)).toContain('Inquiry.contact');
    const mutations = Object.keys(schema.getMutationType()!.getFields()).map((name) => `Mutation.${name}`);
    expect(mutations.filter((coordinate) => !guarded.includes(coordinate))).toEqual([]);
  });

  it('gives the same guarded schema whichever order the transforms run in, and applying the guards twice changes nothing', async () => {
    const inOrder = await appSchema();
    const plainLast = applyFieldGuards(await codeFirstSchema());
    readPlainFieldsDirectly(plainLast);
    const guardsLast = applyFieldGuards(readPlainFieldsDirectly(await codeFirstSchema()));
    const once = applyFieldGuards(readPlainFieldsDirectly(await codeFirstSchema()));
    const resolversOnce = fields(once).map(({ field }) => field.resolve);
    expect(guardedCoordinates(plainLast)).toEqual(guardedCoordinates(inOrder));
    expect(guardedCoordinates(guardsLast)).toEqual(guardedCoordinates(inOrder));
    expect(fields(applyFieldGuards(once)).map(({ field }) => field.resolve)).toEqual(resolversOnce);
    expect(schemaTransforms).toContain(applyFieldGuards);
    expect(printSchema(plainLast)).toBe(printSchema(guardsLast));
  });
});
