import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadAction, LeadStatus, leadTransitions } from '@slp/shared';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, historyTypes, leadAction, leadFor, readLead, revokeAuthorization } from '../../test/lead-fixtures.js';

let app: TestApp;
let world: World;
let partner: PartnerFixture;
let member: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
  partner = await world.partner();
  member = await partner.member();
});
afterAll(() => app?.close());

/** SPEC section 3, row by row: the shared table the server runs must say exactly this. */
const specRows: [LeadAction, LeadStatus[], LeadStatus, string][] = [
  [LeadAction.FOLLOW_UP, [LeadStatus.NEW], LeadStatus.FOLLOWING, 'FOLLOWED_UP'],
  [LeadAction.REJECT, [LeadStatus.NEW], LeadStatus.REJECTED, 'REJECTED'],
  [LeadAction.ACCEPT_COOPERATION, [LeadStatus.FOLLOWING], LeadStatus.DEAL, 'COOPERATION_ACCEPTED'],
  [LeadAction.AUTHORIZATION_MATCHED, [LeadStatus.FOLLOWING], LeadStatus.DEAL, 'AUTHORIZATION_MATCHED'],
  [LeadAction.MARK_NO_AGREEMENT, [LeadStatus.FOLLOWING], LeadStatus.CLOSED, 'NO_AGREEMENT'],
  [LeadAction.SELLER_CLOSE, [LeadStatus.NEW, LeadStatus.FOLLOWING], LeadStatus.CLOSED, 'SELLER_CLOSED'],
];

it('runs the lifecycle table of SPEC section 3', () => {
  const served = specRows.map(([action]) => [
    action,
    leadTransitions[action].from,
    leadTransitions[action].to,
    leadTransitions[action].event,
  ]);
  expect(served).toEqual(specRows);
  // Beyond these rows: the operator's take-back of an open lead (docs/matching.md), tested with matching,
  // and the platform's expiry at a response deadline, which no API call performs (deadlines/deadlines.test.ts).
  const extensions: string[] = [LeadAction.UNASSIGN, LeadAction.EXPIRE];
  expect([leadTransitions.EXPIRE.from, leadTransitions.EXPIRE.to, leadTransitions.EXPIRE.event]).toEqual([
    [LeadStatus.NEW],
    LeadStatus.CLOSED,
    'EXPIRED',
  ]);
  expect(
    Object.keys(leadTransitions)
      .filter((action) => !extensions.includes(action))
      .sort(),
  ).toEqual(specRows.map(([action]) => action).sort());
});

interface Case {
  seller: GraphQLClient;
  leadId: string;
  code?: string;
  authorizationId?: string;
}

/**
 * A fresh seller's lead in a given status. With `codeFirst` the seller grants the partner before the
 * lead is followed (the seed's manual path), so a deal is then reached by entering the code.
 */
async function leadIn(status: LeadStatus, codeFirst: boolean): Promise<Case> {
  const seller = await world.seller();
  const leadId = await leadFor(seller, partner);
  const c: Case = { seller, leadId };
  const useGrant = async () => {
    const { authorization } = await grantAuthorization(seller, partner.partnerId);
    Object.assign(c, { code: authorization.authorizationId, authorizationId: authorization.id });
  };
  if (codeFirst) await useGrant();
  if (status === LeadStatus.REJECTED) await leadAction(member, 'rejectLead', { leadId, reason: 'NO_CAPACITY' });
  if (status === LeadStatus.NEW || status === LeadStatus.REJECTED) return c;
  await leadAction(member, 'followLead', { leadId });
  if (status === LeadStatus.CLOSED) await leadAction(member, 'markNoAgreement', { leadId });
  if (status === LeadStatus.DEAL) {
    if (codeFirst) await leadAction(member, 'acceptCooperation', { leadId, authorizationId: c.code });
    else await useGrant();
  }
  expect((await readLead(seller, leadId)).status).toBe(status);
  return c;
}

/** Performs an action through the API; a seller's grant is the trigger of AUTHORIZATION_MATCHED. */
async function perform(action: LeadAction, c: Case): Promise<{ code: string; message: string }[]> {
  const { leadId } = c;
  switch (action) {
    case LeadAction.FOLLOW_UP:
      return (await leadAction(member, 'followLead', { leadId })).userErrors;
    case LeadAction.REJECT:
      return (await leadAction(member, 'rejectLead', { leadId, reason: 'OTHER', note: 'n' })).userErrors;
    case LeadAction.MARK_NO_AGREEMENT:
      return (await leadAction(member, 'markNoAgreement', { leadId })).userErrors;
    case LeadAction.SELLER_CLOSE:
      return (await leadAction(c.seller, 'closeLead', { leadId })).userErrors;
    case LeadAction.ACCEPT_COOPERATION:
      return (await leadAction(member, 'acceptCooperation', { leadId, authorizationId: c.code })).userErrors;
    case LeadAction.AUTHORIZATION_MATCHED: {
      // A deal reached by grant holds the live one; withdraw it so a new grant is possible at all.
      if (c.authorizationId) await revokeAuthorization(c.seller, c.authorizationId);
      expect((await grantAuthorization(c.seller, partner.partnerId)).userErrors).toEqual([]);
      return [];
    }
    default:
      throw new Error(`no SPEC row for ${action}`);
  }
}

const statuses = Object.values(LeadStatus);
const cases = specRows.flatMap(([action, from, to, event]) =>
  statuses.map((status) => ({ action, status, allowed: from.includes(status), to, event })),
);
const statusEvents = (lead: any) => historyTypes(lead).filter((type) => type !== 'AUTHORIZATION_REVOKED');
/** A lead apart from what a revocation (the setup of one case) may touch. */
const settled = (lead: any) => ({
  ...lead,
  history: statusEvents(lead),
  authorization: lead.authorization && { id: lead.authorization.id },
});

describe('every action from every status', () => {
  it.each(cases.filter((c) => c.allowed))('$action from $status is allowed', async ({ action, status, to, event }) => {
    const c = await leadIn(status, action === LeadAction.ACCEPT_COOPERATION);
    const before = await readLead(c.seller, c.leadId);
    expect(await perform(action, c)).toEqual([]);
    const after = await readLead(c.seller, c.leadId);
    expect(after.status).toBe(to);
    const added = [event, ...(to === LeadStatus.FOLLOWING ? ['CONTACT_REVEALED'] : [])];
    expect(statusEvents(after)).toEqual([...statusEvents(before), ...added]);
    const stamp = { FOLLOWING: 'followedAt', DEAL: 'dealAt', CLOSED: 'closedAt' }[to as string];
    if (stamp) expect(after[stamp]).not.toBeNull();
    expect(after.closeReason).toBe({ MARK_NO_AGREEMENT: 'NO_AGREEMENT', SELLER_CLOSE: 'SELLER_CLOSED' }[action as string] ?? null);
    if (to === LeadStatus.DEAL) expect(after.authorization).not.toBeNull();
  });

  it.each(cases.filter((c) => !c.allowed))('$action from $status is refused', async ({ action, status }) => {
    const c = await leadIn(status, action === LeadAction.ACCEPT_COOPERATION);
    const before = await readLead(c.seller, c.leadId);
    const errors = await perform(action, c);
    const after = await readLead(c.seller, c.leadId);
    if (action === LeadAction.AUTHORIZATION_MATCHED) {
      // The grant itself succeeds; it just does not move a lead that is not being followed.
      expect(errors).toEqual([]);
    } else {
      // In the lead's own terms, never the table's ("allowed from …"); a CLOSED lead here is one without agreement.
      const message =
        status === LeadStatus.NEW
          ? 'Follow up on this lead first'
          : {
              FOLLOWING: 'This lead is already being followed up',
              DEAL: 'This lead has already reached a deal',
              REJECTED: 'This lead has already been turned down',
              CLOSED: 'This lead was already closed without an agreement',
            }[status as string];
      expect(errors).toEqual([{ field: null, code: 'INVALID_TRANSITION', message }]);
    }
    expect(settled(after)).toEqual(settled(before));
  });
});

describe('what each action records', () => {
  it('stamps the reject reason and note, and who did what, in order', async () => {
    const seller = await world.seller();
    const leadId = await leadFor(seller, partner);
    const { lead, userErrors } = await leadAction(member, 'rejectLead', {
      leadId,
      reason: 'BUDGET_TOO_LOW',
      note: '  Below our minimum  ',
    });
    expect(userErrors).toEqual([]);
    expect(lead).toMatchObject({ status: 'REJECTED', rejectReason: 'BUDGET_TOO_LOW', rejectNote: 'Below our minimum', closeReason: null });
    expect(lead.history).toEqual([
      { type: 'CREATED', actorRole: 'SELLER' },
      { type: 'REJECTED', actorRole: 'PARTNER' },
    ]);
  });

  it('keeps the no-agreement note for the partner', async () => {
    const seller = await world.seller();
    const leadId = await leadFor(seller, partner);
    await leadAction(member, 'followLead', { leadId });
    const { lead } = await leadAction(member, 'markNoAgreement', { leadId, note: 'Wanted a lower fee' });
    expect(lead).toMatchObject({ status: 'CLOSED', closeReason: 'NO_AGREEMENT', closeNote: 'Wanted a lower fee' });
    expect(lead.history).toEqual([
      { type: 'CREATED', actorRole: 'SELLER' },
      { type: 'FOLLOWED_UP', actorRole: 'PARTNER' },
      { type: 'CONTACT_REVEALED', actorRole: null },
      { type: 'NO_AGREEMENT', actorRole: 'PARTNER' },
    ]);
    expect((await readLead(seller, leadId)).closeNote).toBeNull();
  });

  it('refuses a note over 1000 characters and keeps the lead as it was', async () => {
    const seller = await world.seller();
    const leadId = await leadFor(seller, partner);
    const { userErrors } = await leadAction(member, 'rejectLead', { leadId, reason: 'OTHER', note: 'x'.repeat(1001) });
    expect(userErrors).toEqual([{ field: ['note'], message: 'Note must be at most 1000 characters', code: 'INVALID' }]);
    expect((await readLead(seller, leadId)).status).toBe('NEW');
  });
});

describe('who may act', () => {
  it("reads another partner's lead as missing, and refuses sellers, operators and visitors", async () => {
    const seller = await world.seller();
    const leadId = await leadFor(seller, partner);
    const stranger = await (await world.partner()).member();
    expect((await leadAction(stranger, 'followLead', { leadId })).userErrors).toEqual([
      { field: ['leadId'], message: 'No such lead', code: 'NOT_FOUND' },
    ]);
    expect((await leadAction(seller, 'followLead', { leadId })).userErrors).toEqual([
      { field: null, message: 'Only a partner can do this', code: 'FORBIDDEN' },
    ]);
    expect((await leadAction(await world.operator(), 'rejectLead', { leadId, reason: 'OTHER' })).userErrors[0].code).toBe('FORBIDDEN');
    expect((await leadAction(world.anonymous(), 'markNoAgreement', { leadId })).userErrors).toEqual([
      { field: null, message: 'Log in first', code: 'UNAUTHENTICATED' },
    ]);
    expect((await leadAction(member, 'followLead', { leadId: 'bogus' })).userErrors[0].code).toBe('NOT_FOUND');
    expect((await leadAction(member, 'followLead', { leadId: partner.partnerId })).userErrors[0].code).toBe('NOT_FOUND');
    expect((await readLead(seller, leadId)).status).toBe('NEW');
  });

  it('lets any member of the partner work the lead', async () => {
    const seller = await world.seller();
    const leadId = await leadFor(seller, partner);
    await leadAction(member, 'followLead', { leadId });
    const colleague = await partner.member();
    expect((await leadAction(colleague, 'markNoAgreement', { leadId })).lead.status).toBe('CLOSED');
  });
});
