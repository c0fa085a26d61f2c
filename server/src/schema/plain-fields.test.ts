import { expect, it } from 'vitest';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import { appSchema } from './schema.js';

const fieldsOf = async (name: string) => {
  const type = (await appSchema()).getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return (type as GraphQLObjectType).getFields();
};

it('reads plain fields as properties and keeps the resolvers of computed, renamed and guarded fields', async () => {
  const lead = await fieldsOf('Lead');
  // Properties of the same name: graphql's own read, which graphql-jit inlines.
  expect([lead.status.resolve, lead.source.resolve, lead.createdAt.resolve]).toEqual([undefined, undefined, undefined]);
  expect((await fieldsOf('Money')).amount.resolve).toBeUndefined();
  // A resolver method, the Node ID (the nodeId getter under another name) and a field behind a visibility rule keep theirs.
  expect(typeof lead.inquiry.resolve).toBe('function');
  expect(typeof lead.id.resolve).toBe('function');
  expect(typeof lead.rejectReason.resolve).toBe('function');
  expect(typeof (await fieldsOf('Inquiry')).contactAccess.resolve).toBe('function');
});
