import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import pg from 'pg';
import { EVENTS_CHANNEL } from '../../src/notifications/change-listener.js';
import { toGlobalId } from '../../src/graphql/node.js';
import type { Actor, Actors } from '../actors.js';
import type { BenchSettings } from '../config.js';
import type { ChildServer } from '../ipc.js';
import type { ScenarioResult } from '../report.js';
import { latencyOf } from '../stats.js';
import * as documents from './documents.js';
import { sendOne } from './http-load.js';
import { inquiryInput } from './http.js';

export const ALERTS = 'leadAlerts: submit → delivery';
const TARGETS_PER_SUBMIT = 5;

interface Delivery {
  inquiryId: string;
  leadId: string;
  at: number;
}

/** A graphql-ws client that logs in with the session cookie, as a browser tab does. */
function subscriberClient(app: ChildServer, actor: Actor, onConnected: () => void): Client {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie: actor.cookie } });
    }
  }
  return createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: CookieWebSocket,
    lazy: false,
    retryAttempts: 0,
    on: { connected: onConnected },
  });
}

/** Opens every subscription, in batches so the servers are not flooded with handshakes. */
async function subscribeAll(apps: ChildServer[], subscribers: Actors['subscribers'], deliveries: Delivery[], problems: string[]) {
  const clients: Client[] = [];
  for (let first = 0; first < subscribers.length; first += 50) {
    await Promise.all(
      subscribers.slice(first, first + 50).map(
        (subscriber, k) =>
          new Promise<void>((connected) => {
            const client = subscriberClient(apps[(first + k) % apps.length], subscriber.actor, connected);
            clients.push(client);
            client.subscribe<{ leadAlerts: { lead: { id: string; inquiry: { id: string } | null } } }>(
              { query: documents.leadAlerts },
              {
                next: ({ data, errors }) => {
                  if (errors?.length || !data) problems.push(JSON.stringify(errors ?? 'empty alert'));
                  else
                    deliveries.push({
                      inquiryId: data.leadAlerts.lead.inquiry?.id ?? '?',
                      leadId: data.leadAlerts.lead.id,
                      at: performance.now(),
                    });
                },
                error: (error) => {
                  problems.push(String((error as Error).message ?? JSON.stringify(error)));
                  connected();
                },
                complete: () => undefined,
              },
            );
          }),
      ),
    );
  }
  return clients;
}

/**
 * When each new lead's commit was announced to a LISTEN connection of the bench's own, as to the
 * servers: the commit itself, within a notice's delivery, which sending the submit only bounds.
 */
async function watchCommits(databaseUrl: string): Promise<{ at: Map<string, number>; close(): Promise<void> }> {
  const at = new Map<string, number>();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('notification', ({ payload }) => {
    const notice = JSON.parse(payload ?? '{}') as { kind?: string; type?: string; leadId?: number };
    if (notice.kind === 'lead' && notice.type === 'CREATED') at.set(toGlobalId('Lead', notice.leadId!), performance.now());
  });
  await client.connect();
  await client.query(`listen ${EVENTS_CHANNEL}`);
  return { at, close: () => client.end() };
}

/**
 * Latency from a submit's commit to the alert arriving at each targeted partner's subscription, as
 * the issue states it: the commit is when the lead's notice reaches the bench's own LISTEN (like
 * the servers', it arrives once the transaction commits). The time from sending the submit, which
 * adds the submit's own duration, is reported beside it. Subscribers alternate between the
 * `processes` API processes (those of one app, which node:cluster hands connections in turn, or one
 * each of two apps, given as `apps`) and every submit targets neighbours in that list, so each one is
 * delivered through several processes (LISTEN/NOTIFY across them).
 */
export async function runAlerts(
  apps: ChildServer[],
  processes: number,
  actors: Actors,
  settings: BenchSettings,
  databaseUrl: string,
): Promise<ScenarioResult> {
  const deliveries: Delivery[] = [];
  const problems: string[] = [];
  const subscribers = actors.subscribers;
  const clients = await subscribeAll(apps, subscribers, deliveries, problems);
  const commits = await watchCommits(databaseUrl);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const sentAt = new Map<string, number>();
  const submitMs: number[] = [];
  let next = 0;
  const submitLoop = async () => {
    for (let n = next++; n < settings.alertSubmits; n = next++) {
      const targets = Array.from(
        { length: Math.min(TARGETS_PER_SUBMIT, subscribers.length) },
        (_, k) => subscribers[(n * TARGETS_PER_SUBMIT + k) % subscribers.length].serviceId,
      );
      const started = performance.now();
      const seller = actors.sellers[n % actors.sellers.length];
      const answer = await sendOne(apps[n % apps.length].url, documents.submitInquiry, {
        cookie: seller.cookie,
        variables: { input: inquiryInput(n, { requestType: 'TARGET', serviceType: null, targetServiceIds: targets }) },
      });
      submitMs.push(performance.now() - started);
      if (!answer.clean) problems.push(answer.text.slice(0, 300));
      else sentAt.set(JSON.parse(answer.text).data.submitInquiry.inquiry.id, started);
    }
  };
  const cpuOfApps = async () => (await Promise.all(apps.map((app) => app.ask<number>('cpuMs')))).reduce((a, b) => a + b, 0);
  const cpuBefore = await cpuOfApps();
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: settings.writeConnections }, submitLoop));
  const expected = sentAt.size * Math.min(TARGETS_PER_SUBMIT, subscribers.length);
  for (let waited = 0; deliveries.length < expected && waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const cpuMs = (await cpuOfApps()) - cpuBefore;
  await Promise.all([...clients.map((client) => client.dispose()), commits.close()]);
  const latencies = deliveries.flatMap((d) => (commits.at.has(d.leadId) ? [d.at - commits.at.get(d.leadId)!] : []));
  const missing = Math.max(0, expected - latencies.length);
  const afterSend = latencyOf(deliveries.flatMap((d) => (sentAt.has(d.inquiryId) ? [d.at - sentAt.get(d.inquiryId)!] : [])));
  return {
    name: `${ALERTS} (${subscribers.length} subscribers, ${processes} processes)`,
    connections: subscribers.length,
    requests: latencies.length,
    ...latencyOf(latencies),
    throughput: latencies.length / seconds,
    // Both servers' CPU while submits and alerts ran (the submits', a fifth each, and emails' included), per alert.
    cpuMsPerRequest: cpuMs / Math.max(1, latencies.length),
    errors: problems.length + missing,
    peakRssMb: Math.max(...(await Promise.all(apps.map((app) => app.ask<number>('peakRssMb'))))),
    detail:
      `the submits themselves (TARGET, ${TARGETS_PER_SUBMIT} partners each): p50 ${latencyOf(submitMs).p50.toFixed(0)} ms, p99 ${latencyOf(submitMs).p99.toFixed(0)} ms;` +
      ` from sending the submit to delivery: p50 ${afterSend.p50.toFixed(0)} ms, p99 ${afterSend.p99.toFixed(0)} ms`,
    note: missing ? `${missing} of ${expected} alerts did not arrive within 5 s` : problems[0],
  };
}
