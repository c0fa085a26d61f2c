import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ContactAccess, LeadCloseReason, LeadStatus, PartnerStatus, Role } from '@slp/shared';
import type { User } from './user.entity.js';
import type { Partner } from '../partners/partner.entity.js';
import { accessPolicy, listedLeadsSql, profileVisibleSql, type LeadFacts } from './access-policy.js';
import type { Viewer } from './viewer.js';

const member = (partnerId: number, status = PartnerStatus.ONBOARDED): Viewer => ({
  user: { id: 100 + partnerId, role: Role.PARTNER } as User,
  partner: { id: partnerId, status } as Partner,
});
const operator: Viewer = { user: { id: 1, role: Role.OPERATOR } as User, partner: null };
const seller: Viewer = { user: { id: 7, role: Role.SELLER } as User, partner: null };

const closeReasons = [null, ...Object.values(LeadCloseReason)];
const everyLead: LeadFacts[] = Object.values(LeadStatus).flatMap((status) =>
  closeReasons.map((closeReason) => ({ partnerId: 3, status, closeReason })),
);

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('adminUrl') });
  await db.connect();
});
afterAll(() => db?.end());

/** Runs a predicate on `leads l` over rows made of the given facts, in PostgreSQL. */
async function sqlVerdicts(predicate: { sql: string; params: unknown[] }, leads: LeadFacts[]): Promise<boolean[]> {
  let n = 0;
  const text = predicate.sql.replace(/\?/g, () => `$${++n}`);
  const values = leads.map((_, i) => `($${n + 3 * i + 1}::int, $${n + 3 * i + 2}::text, $${n + 3 * i + 3}::text, ${i})`).join(', ');
  const params = [...predicate.params, ...leads.flatMap((lead) => [lead.partnerId, lead.status, lead.closeReason])];
  const { rows } = await db.query(
    `select (${text}) as ok from (values ${values}) as l(partner_id, status, close_reason, i) order by i`,
    params,
  );
  return rows.map((row) => row.ok as boolean);
}

describe('the access policy', () => {
  it('shows a partner the business profile exactly where its SQL predicate lists it, for every status and close reason', async () => {
    const viewer = member(3);
    const inJs = everyLead.map((lead) => accessPolicy.inquiry(viewer, { sellerId: 7, viewerLead: lead }));
    expect(await sqlVerdicts(profileVisibleSql(viewer), everyLead)).toEqual(inJs);
    // SPEC section 4: NEW, FOLLOWING, DEAL and CLOSED, except a lead an operator took back.
    const specified = everyLead.map(
      (lead) => ['NEW', 'FOLLOWING', 'DEAL', 'CLOSED'].includes(lead.status) && lead.closeReason !== 'UNASSIGNED',
    );
    expect(inJs).toEqual(specified);
    expect(await sqlVerdicts(profileVisibleSql(operator), everyLead)).toEqual(everyLead.map(() => true));
  });

  it('lists a partner its own leads and operators every lead, in SQL as in the lead rule; sellers and visitors none', async () => {
    const leads = [
      { partnerId: 3, status: LeadStatus.NEW, closeReason: null },
      { partnerId: 4, status: LeadStatus.NEW, closeReason: null },
    ];
    expect(await sqlVerdicts(listedLeadsSql(member(3))!, leads)).toEqual([true, false]);
    expect(leads.map((lead) => accessPolicy.lead(member(3), { partnerId: lead.partnerId, sellerId: 7 }))).toEqual([true, false]);
    expect(await sqlVerdicts(listedLeadsSql(operator)!, leads)).toEqual([true, true]);
    expect([listedLeadsSql(seller), listedLeadsSql(null)]).toEqual([null, null]);
  });

  it("lets only a partner's members export a tab, whatever the partner's standing (reading needs no onboarding)", () => {
    expect(
      [member(3), member(3, PartnerStatus.PENDING), member(3, PartnerStatus.SUSPENDED), operator, seller, null].map((viewer) =>
        accessPolicy.leadExport(viewer),
      ),
    ).toEqual([true, true, true, false, false, false]);
    const memberOfNone: Viewer = { user: { id: 9, role: Role.PARTNER } as User, partner: null };
    expect(accessPolicy.leadExport(memberOfNone)).toBe(false);
  });

  it('gives the contact to a partner only while its lead is FOLLOWING or DEAL and the partner is onboarded', () => {
    const verdicts = (viewer: Viewer) =>
      Object.fromEntries(
        Object.values(LeadStatus).map((status) => [
          status,
          accessPolicy.contact(viewer, { sellerId: 7, viewerLead: { partnerId: 3, status, closeReason: null } }),
        ]),
      );
    expect(verdicts(member(3))).toEqual({ NEW: 'LOCKED', FOLLOWING: 'VISIBLE', DEAL: 'VISIBLE', CLOSED: 'REVOKED', REJECTED: 'REVOKED' });
    for (const status of [PartnerStatus.PENDING, PartnerStatus.SUSPENDED]) {
      expect(verdicts(member(3, status))).toEqual({
        NEW: 'LOCKED',
        FOLLOWING: ContactAccess.PARTNER_NOT_ONBOARDED,
        DEAL: ContactAccess.PARTNER_NOT_ONBOARDED,
        CLOSED: 'REVOKED',
        REJECTED: 'REVOKED',
      });
    }
    // Another partner's lead on the inquiry gives nothing.
    expect(accessPolicy.contact(member(4), { sellerId: 7, viewerLead: { partnerId: 3, status: LeadStatus.DEAL, closeReason: null } })).toBe(
      'LOCKED',
    );
    expect([
      accessPolicy.contact(seller, { sellerId: 7, viewerLead: null }),
      accessPolicy.contact(operator, { sellerId: 8, viewerLead: null }),
    ]).toEqual(['VISIBLE', 'VISIBLE']);
  });

  it('keeps partner notes, settings and the mailbox from sellers and visitors', () => {
    for (const rule of [accessPolicy.partnerNotes, accessPolicy.partnerSetting]) {
      expect([member(3), member(4), operator, seller, null].map((viewer) => rule(viewer, { partnerId: 3 }))).toEqual([
        true,
        false,
        true,
        false,
        false,
      ]);
    }
    expect([operator, member(3), seller, null].map((viewer) => accessPolicy.mailbox(viewer))).toEqual([true, false, false, false]);
    const hidden = { authorId: 7, partnerId: 3, hidden: true };
    expect([seller, operator, member(3), null].map((viewer) => accessPolicy.review(viewer, hidden))).toEqual([true, true, false, false]);
  });
});
