import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { outboxOf, partnerWithMembers } from '../../test/notifications.js';
import { TestSmtpServer } from '../../test/smtp.js';
import { startServerProcess } from '../../test/server-process.js';
import { DeliveryWorker, backoffMs } from './delivery-worker.js';
import { mailboxTransport, smtpTransport, type EmailTransport } from './email-transport.js';
import { defaultNotificationSettings, type NotificationSettings } from './notifications.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let agency: Awaited<ReturnType<typeof partnerWithMembers>>;
let smtp: TestSmtpServer;
const workers: DeliveryWorker[] = [];

// The app's own worker stays stopped; each test runs the workers (and processes) it is about.
beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  seller = await world.seller();
  agency = await partnerWithMembers(world);
});
beforeEach(() => {
  smtp.accepted.length = 0;
  smtp.attempts.length = 0;
  smtp.answer = () => 'accept';
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

function smtpWorker(settings: Partial<NotificationSettings> = {}): DeliveryWorker {
  const options = { ...defaultNotificationSettings, pollMs: 50, ...settings };
  const worker = new DeliveryWorker(app.orm, {
    ...options,
    transport: smtpTransport(smtp.url),
    from: options.mailFrom,
    appUrl: () => 'http://localhost:4000',
  });
  workers.push(worker);
  return worker;
}

async function newLead(): Promise<string> {
  const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: [agency.services[0]] }));
  return inquiry.leads.edges[0].node.id;
}

const rowsOf = async (lead: string) =>
  (await outboxOf(app, lead)).map((row) => ({ status: row.status, attempts: row.attempts, lastError: row.lastError ?? null }));

describe('SMTP delivery', () => {
  it('sends each email once, as composed, with the outbox Message-ID', async () => {
    const lead = await newLead();
    const worker = smtpWorker();
    expect(await worker.deliverDue()).toBe(2);
    const rows = await outboxOf(app, lead);
    expect(smtp.accepted.map((mail) => [mail.messageId, mail.to && 'text' in mail.to ? mail.to.text : null, mail.subject])).toEqual(
      rows.map((row) => [row.messageId, row.recipientEmail, `New lead for ${agency.partner.name}`]),
    );
    const [mail] = smtp.accepted;
    expect(mail.from?.text).toBe('"Seller Leads Pool" <no-reply@seller-leads-pool.local>');
    expect(mail.text).toContain('Monthly budget: $3,000.00\n');
    expect(mail.html).toContain('<th align="left" style="padding:2px 12px 2px 0">Monthly budget</th><td>$3,000.00</td>');
    expect(`${mail.text} ${mail.html}`).not.toContain('dana@shop.test');
    expect(await rowsOf(lead)).toEqual([
      { status: 'SENT', attempts: 1, lastError: null },
      { status: 'SENT', attempts: 1, lastError: null },
    ]);
    expect(await worker.deliverDue()).toBe(0);
  });

  it('retries a temporary refusal with doubling back-off, then marks the email FAILED and keeps it', async () => {
    smtp.answer = () => 'tempfail';
    const lead = await newLead();
    smtpWorker({ maxAttempts: 3, backoffMs: 300, batchSize: 1 }).start();
    await eventually(async () => (await rowsOf(lead)).every((row) => row.status === 'FAILED'), 20_000);
    expect(await rowsOf(lead)).toEqual(
      [1, 2].map(() => ({ status: 'FAILED', attempts: 3, lastError: '451 Mailbox busy, try again later' })),
    );
    const times = (messageId: string) => smtp.attempts.filter((a) => a.messageId === messageId).map((a) => a.at);
    for (const row of await outboxOf(app, lead)) {
      const [first, second, third] = times(row.messageId);
      expect(times(row.messageId)).toHaveLength(3);
      expect(second - first).toBeGreaterThanOrEqual(300 - 20);
      expect(third - second).toBeGreaterThanOrEqual(600 - 20);
    }
    expect(smtp.accepted).toEqual([]);
    expect([1, 2, 3, 4, 10, 20].map((n) => backoffMs({ backoffMs: 30_000, maxBackoffMs: 3_600_000 }, n))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
  });

  it('gives up at once on a permanent refusal', async () => {
    smtp.answer = () => 'permfail';
    const lead = await newLead();
    expect(await smtpWorker().deliverDue()).toBe(2);
    expect(await rowsOf(lead)).toEqual([1, 2].map(() => ({ status: 'FAILED', attempts: 1, lastError: '550 No such user here' })));
  });
});

describe('several workers', () => {
  it('never send one email twice when they run side by side', async () => {
    const leads = [];
    for (let i = 0; i < 6; i += 1) leads.push(await newLead());
    const [a, b] = [smtpWorker({ batchSize: 2 }), smtpWorker({ batchSize: 2 })];
    await Promise.all(
      [a, b].map(async (worker) => {
        while ((await worker.deliverDue()) > 0);
      }),
    );
    const ids = smtp.accepted.map((mail) => mail.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('lose nothing and send nothing twice when a worker process is killed in the middle of a send', async () => {
    smtp.answer = (attempt) => (attempt === 1 ? 'stall' : 'accept');
    const child = await startServerProcess({
      DATABASE_URL: app.databaseUrl,
      SMTP_URL: smtp.url,
      OUTBOX_LEASE_MS: '4000',
      OUTBOX_POLL_MS: '100',
    });
    try {
      const lead = await newLead();
      // The server process claimed both emails and is inside the first send: the SMTP server has its DATA.
      await eventually(() => smtp.attempts.length === 1, 20_000);
      await child.kill('SIGKILL');
      expect(await rowsOf(lead)).toEqual([1, 2].map(() => ({ status: 'SENDING', attempts: 1, lastError: null })));
      expect(smtp.accepted).toEqual([]);
      const survivor = smtpWorker();
      // Until the dead worker's lease runs out its rows are left alone.
      expect(await survivor.deliverDue()).toBe(0);
      await eventually(async () => (await survivor.deliverDue()) > 0 || undefined, 10_000);
      while ((await survivor.deliverDue()) > 0);
      const rows = await outboxOf(app, lead);
      expect(rows.map((row) => [row.status, row.attempts])).toEqual([
        ['SENT', 2],
        ['SENT', 2],
      ]);
      expect(smtp.accepted.map((mail) => mail.messageId).sort()).toEqual(rows.map((row) => row.messageId).sort());
    } finally {
      await child.kill('SIGKILL');
    }
  });
});

describe('local mailbox delivery', () => {
  function mailboxWorker(transport: EmailTransport = mailboxTransport()): DeliveryWorker {
    const worker = new DeliveryWorker(app.orm, {
      ...defaultNotificationSettings,
      transport,
      from: defaultNotificationSettings.mailFrom,
      appUrl: () => 'http://localhost:4000',
    });
    workers.push(worker);
    return worker;
  }

  const stored = async (lead: string) => {
    const ids = (await outboxOf(app, lead)).map((row) => row.messageId);
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ message_id: string }[]>('select message_id from mailbox_messages where message_id in (?, ?) order by id', ids);
    return rows.map((row) => ids.indexOf(row.message_id));
  };

  it('stores a whole batch in one transaction, each message once', async () => {
    const lead = await newLead();
    const { result, statements } = await app.countStatements(() => mailboxWorker().deliverDue());
    expect(result).toBe(2);
    // Claim; the batch's outbox rows, recipients, leads, partners and inquiries, one statement each
    // whatever the batch's size; then begin, store both, mark both sent, commit.
    expect(statements).toBe(10);
    expect(await rowsOf(lead)).toEqual([1, 2].map(() => ({ status: 'SENT', attempts: 1, lastError: null })));
    expect(await stored(lead)).toEqual([0, 1]);
  });

  it('stores none of a batch when one of its rows was taken over meanwhile; the rest is retried', async () => {
    const lead = await newLead();
    const [first] = await outboxOf(app, lead);
    const mailbox = mailboxTransport();
    // Another worker's claim of the first row lands while this batch is being stored.
    const contested: EmailTransport = {
      async deliver(em, emails, markSent) {
        await em.getConnection().execute('update outbox_emails set attempts = attempts + 1 where id = ?', [first.id]);
        return mailbox.deliver(em, emails, markSent);
      },
      close: () => {},
    };
    expect(await mailboxWorker(contested).deliverDue()).toBe(2);
    expect(await stored(lead)).toEqual([]);
    expect(await rowsOf(lead)).toEqual([
      { status: 'SENDING', attempts: 2, lastError: null },
      { status: 'PENDING', attempts: 1, lastError: 'An outbox email was taken over by another worker' },
    ]);
  });
});
