import { afterAll, beforeAll, expect, it } from 'vitest';
import { ServiceType } from '@slp/shared';
import { eventually, startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { startServerProcess, type ServerProcess } from '../../test/server-process.js';
import { idOfType } from '../graphql/node.js';

// Leads made here get three seconds; the API processes below run the jobs, this test's app does not.
const WINDOW_MS = 3_000;
process.env.LEAD_RESPONSE_HOURS = String(WINDOW_MS / 3_600_000);

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let partners: PartnerFixture[];
const running: ServerProcess[] = [];

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false }, deadlineJobs: { run: false } });
  world = new World(app);
  seller = await world.seller();
  partners = [];
  for (let i = 0; i < 4; i += 1)
    partners.push(await world.partner({ services: [{ serviceType: ServiceType.LIVE_STREAMING }], capacity: 100 }));
  await startProcesses(2);
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.kill()));
  await app?.close();
});

async function startProcesses(count: number): Promise<ServerProcess[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startServerProcess({ DATABASE_URL: app.databaseUrl })));
  running.push(...started);
  return started;
}

async function submitOpen(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push((await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.LIVE_STREAMING }))).inquiry.id);
  }
  return ids;
}

interface LeadRow {
  inquiry_id: number;
  partner_id: number;
  status: string;
  close_reason: string | null;
  expiries: number;
  passed_on: number;
}

/** Every lead of the inquiries, with how many EXPIRED entries and "passed on" emails each has. */
async function leadsOf(inquiryIds: string[]): Promise<LeadRow[]> {
  const ids = inquiryIds.map((id) => idOfType(id, 'Inquiry'));
  return app.orm.em
    .fork()
    .getConnection()
    .execute<LeadRow[]>(
      `select l.inquiry_id, l.partner_id, l.status, l.close_reason,
      (select count(*)::int from lead_events e where e.lead_id = l.id and e.type = 'EXPIRED') as expiries,
      (select count(*)::int from outbox_emails o where o.lead_id = l.id and o.kind = 'LEAD_PASSED_ON') as passed_on
    from leads l where l.inquiry_id = any(?::int[]) order by l.inquiry_id, l.id`,
      [`{${ids.join(',')}}`],
    );
}

/**
 * Each inquiry went to three of the four partners (fair spreading varies which); each of their leads
 * expired once; exactly one of those expiries passed the inquiry to the remaining partner, whose lead
 * then expired too.
 */
function expectEachExpiredOnce(leads: LeadRow[], inquiries: number): void {
  const [first, second, third, fourth] = partners.map((p) => p.partner.id);
  expect(leads).toHaveLength(inquiries * 4);
  for (const inquiryId of new Set(leads.map((lead) => lead.inquiry_id))) {
    const rows = leads.filter((lead) => lead.inquiry_id === inquiryId);
    expect(rows.map((row) => row.partner_id).sort((a, b) => a - b)).toEqual([first, second, third, fourth]);
    expect(rows.map(({ status, close_reason, expiries, passed_on }) => [status, close_reason, expiries, passed_on])).toEqual(
      rows.map(() => ['CLOSED', 'EXPIRED', 1, 1]),
    );
  }
}

const allClosed = async (inquiryIds: string[], inquiries: number) => {
  const leads = await leadsOf(inquiryIds);
  return leads.length === inquiries * 4 && leads.every((lead) => lead.status === 'CLOSED') && leads;
};

// Generous timeouts: server processes start slowly on a loaded machine, and the leads wait out their window twice.
it('expires and passes on each lead exactly once while two API processes race for the jobs', async () => {
  const inquiries = await submitOpen(10);
  expectEachExpiredOnce(await eventually(() => allClosed(inquiries, 10), 60_000), 10);
}, 90_000);

it('keeps the deadlines across a restart: jobs due while no process runs are worked once by the next ones', async () => {
  // One process stops gracefully, the other is killed outright: neither leaves a job behind.
  const [graceful, killed] = running.splice(0, 2);
  await graceful.kill('SIGTERM');
  await killed.kill('SIGKILL');
  const inquiries = await submitOpen(6);
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 1_000));
  const waiting = await leadsOf(inquiries);
  expect(waiting.map((lead) => lead.status)).toEqual(inquiries.flatMap(() => ['NEW', 'NEW', 'NEW']));

  await startProcesses(2);
  expectEachExpiredOnce(await eventually(() => allClosed(inquiries, 6), 60_000), 6);
}, 150_000);
