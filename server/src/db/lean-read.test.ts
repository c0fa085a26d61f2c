import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind, type EntityName } from '@mikro-orm/core';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { World } from '../../test/fixtures.js';
import { grantAuthorization, leadAction, leadFor } from '../../test/lead-fixtures.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { User } from '../auth/user.entity.js';
import { leanMapper } from './lean-read.js';
import { BatchedReads, findLeanWhereIn } from './batched-reads.js';

/**
 * Read paths build entity objects from rows themselves (lean-read.ts). Each must carry exactly what
 * the ORM's hydration gives for every column: Dates, decimals, arrays, JSON, nulls and the id of
 * every to-one relation.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  const world = new World(app);
  const partner = await world.partner({ location: 'Berlin, DE', languages: ['en', 'de'], services: [{ regions: ['EU'] } as never, {}] });
  const [member, seller] = await Promise.all([partner.member(), world.seller()]);
  const leadId = await leadFor(seller, partner, { hotSaleProduct: 'Serum', otherDetails: null });
  await leadAction(member, 'followLead', { leadId });
  await grantAuthorization(seller, partner.partnerId);
  await leadFor(seller, partner, { budget: '12.5', otherChannelsGmv: null });
});
afterAll(() => app?.close());

/** Every column property as the entity holds it; a relation by its id. */
function columnsOf(em: EntityManager, entity: EntityName<object>, object: Record<string, unknown>) {
  const meta = em.getMetadata().get(entity as string);
  return Object.fromEntries(
    meta.props
      .filter(
        (prop) =>
          prop.fieldNames?.length && prop.persist !== false && [ReferenceKind.SCALAR, ReferenceKind.MANY_TO_ONE].includes(prop.kind),
      )
      .map((prop) => {
        const value = object[prop.name] as { id?: number } | null | undefined;
        return [prop.name, prop.kind === ReferenceKind.MANY_TO_ONE ? (value?.id ?? null) : value];
      }),
  );
}

/** The lead followed to a deal in beforeAll. */
const firstLeadId = async () => (await app.orm.em.fork().findOneOrFail(Lead, { id: { $gt: 0 } }, { orderBy: { id: 'asc' } })).id;

const entities = [Lead, Inquiry, Partner, Service, LeadEvent, SellerAuthorization, User] as const;

it.each(entities.map((entity) => [entity.name, entity] as const))('reads %s rows exactly as the ORM hydrates them', async (_, entity) => {
  const em = app.orm.em.fork() as EntityManager;
  const hydrated = await em.find(entity as EntityName<object>, {}, { orderBy: { id: 'asc' } as never });
  const expected = hydrated.map((row) => columnsOf(em, entity, row as never));
  const table = em.getMetadata().get(entity.name).tableName;
  // Pages map plain rows; loaders get each row as JSON (batched-reads.ts): both must give the ORM's values.
  const plain = (await em.getConnection().execute(`select * from "${table}" order by id`)).map(
    leanMapper(em, entity as EntityName<object>),
  );
  const ids = hydrated.map((row) => (row as { id: number }).id);
  const batched = await findLeanWhereIn(em, entity as EntityName<object>, 'id', ids);
  expect(expected.length).toBeGreaterThan(0);
  for (const lean of [plain, batched]) {
    expect(lean.map((row) => columnsOf(em, entity, row as never))).toEqual(expected);
    expect(lean.every((row) => row instanceof entity)).toBe(true);
  }
});

it('reads what loaders ask for in one turn in one statement, each asker getting only its rows', async () => {
  const em = app.orm.em.fork() as EntityManager;
  const [lead] = await findLeanWhereIn(em, Lead, 'id', [await firstLeadId()]);
  const reads = new BatchedReads(em);
  const { result, statements } = await app.countStatements(() =>
    Promise.all([
      reads.whereIn(Inquiry, 'id', [lead.inquiry.id, -1]),
      reads.whereIn(Partner, 'id', [lead.partner.id]),
      reads.whereIn(LeadEvent, 'lead', [lead.id]),
      reads.whereIn(Lead, 'inquiry', [lead.inquiry.id]),
      reads.whereIn(Lead, 'inquiry', [-1]),
    ]),
  );
  expect(statements).toBe(1);
  const [inquiries, partners, events, leads, none] = result;
  expect(inquiries.map((row) => row.id)).toEqual([lead.inquiry.id]);
  expect(partners.map((row) => row.id)).toEqual([lead.partner.id]);
  expect(events.map((row) => row.type)).toEqual(['CREATED', 'FOLLOWED_UP', 'CONTACT_REVEALED', 'AUTHORIZATION_MATCHED']);
  expect(leads.map((row) => row.id)).toEqual([lead.id]);
  expect(none).toEqual([]);
});

it('keeps the ORM out: lean objects are not managed, so a flush never writes them', async () => {
  const em = app.orm.em.fork() as EntityManager;
  const [lead] = await findLeanWhereIn(em, Lead, 'id', [await firstLeadId()]);
  expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  expect(lead.nodeId).toBe(Buffer.from(`Lead:${lead.id}`).toString('base64url'));
});
