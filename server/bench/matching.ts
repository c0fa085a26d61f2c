// `pnpm bench:matching`: how well open-lead matching finds the truly best partners, how evenly it
// spreads leads, and how long ranking 10,000 candidates takes through the real SQL and scoring.
// EXPLAIN=1 also prints the candidate statement's plan. Uses DATABASE_URL's server when set.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ServiceType } from '@slp/shared';
import { openDatabase } from '../src/db/orm.js';
import { Inquiry } from '../src/inquiries/inquiry.entity.js';
import { newLeadRows, type NewLeadRows } from '../src/leads/lead-state-machine.js';
import { newLeadsCtes } from '../src/leads/lead-writes.js';
import { candidateStatement, gatherCandidates } from '../src/matching/candidate-features.js';
import { matchingConfig, type MatchingConfig } from '../src/matching/matching.config.js';
import { MatchingService } from '../src/matching/matching.service.js';
import { rankCandidates } from '../src/matching/scoring.js';
import { DeadlinesService } from '../src/deadlines/deadlines.service.js';
import { copyRows, type Cell } from './data/copy.js';
import { Random } from './data/random.js';
import { freshDatabase } from './database.js';
import { latencyOf } from './stats.js';
import { loadAverage } from './report.js';
import { SyntheticMarket, gini, type SyntheticInquiry } from './matching/synthetic.js';

// --quick is the smoke test inside `pnpm test`; --json FILE also writes the figures there.
const quick = process.argv.includes('--quick');
const jsonAt = process.argv.indexOf('--json');
const QUALITY = quick ? { partners: 40, inquiries: 30 } : { partners: 300, inquiries: 400 };
const TIMING = quick ? { partners: 500, runs: 3 } : { partners: 10_000, runs: 20 };
const HISTORY_INQUIRIES = 30;
const PICK = matchingConfig.partnersPerInquiry;

interface Outcome {
  name: string;
  picks: number[][];
}

async function sql(client: pg.Client, text: string, params: unknown[] = []) {
  return (await client.query(text, params)).rows;
}

/** A seller and the finished inquiries that past leads hang on. */
async function loadBase(client: pg.Client): Promise<number[]> {
  await sql(
    client,
    `insert into users (email, password_hash, name, role, created_at) values ('seller@bench.test', 'x', 'Bench seller', 'SELLER', now())`,
  );
  const rows = await sql(
    client,
    `insert into inquiries (seller_id, request_type, status, service_type, contact_name, contact_email,
      company_size, currency, shop_gmv_amount, budget_amount, product_category, created_at, updated_at, version)
    select 1, 'OPEN', 'CLOSED', 'TRAINING', 'History', 'h@bench.test', 'EMPLOYEES_5_30', 'USD', 1000, 1000, 'OTHER', now() - interval '300 days', now(), 1
    from generate_series(1, ${HISTORY_INQUIRIES}) returning id`,
  );
  return rows.map((row) => row.id as number);
}

async function loadMarket(client: pg.Client, market: SyntheticMarket, serviceType: ServiceType, history: number[]) {
  await copyRows(client, market.partnerRows());
  await copyRows(client, market.serviceRows(serviceType));
  await copyRows(client, market.historyLeadRows(history));
  await copyRows(client, {
    table: 'inquiries',
    columns: [
      'id',
      'seller_id',
      'request_type',
      'status',
      'service_type',
      'contact_name',
      'contact_email',
      'location',
      'language',
      'company_size',
      'currency',
      'shop_gmv_amount',
      'budget_amount',
      'product_category',
      'created_at',
      'updated_at',
      'version',
    ],
    rows: market.inquiries.map((i): Cell[] => [
      i.id,
      1,
      'OPEN',
      'ACTIVE',
      serviceType,
      'Seller',
      's@bench.test',
      `${i.city}, ${i.country}`,
      i.language,
      'EMPLOYEES_5_30',
      'USD',
      10_000,
      i.budget,
      i.category,
      new Date(),
      new Date(),
      1,
    ]),
  });
  for (const table of ['partners', 'services', 'inquiries', 'leads']) {
    await sql(client, `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from "${table}"))`);
  }
  await sql(client, 'vacuum analyze');
}

/** New leads on a stored inquiry, as a submit writes them (see newLeadsCtes). */
async function storeLeads(em: EntityManager, inquiryId: number, rows: NewLeadRows): Promise<void> {
  if (!rows.leads.length) return;
  const { sql: ctes, params } = newLeadsCtes('?', [inquiryId], rows);
  await em.execute(`with ${ctes} select 1`, params);
}

/** Runs the real assignment for every inquiry in turn, each seeing the leads the earlier ones made. */
async function platformAssignment(
  orm: MikroORM,
  client: pg.Client,
  market: SyntheticMarket,
  name: string,
  config: MatchingConfig,
): Promise<Outcome> {
  const first = market.inquiries[0].id;
  await sql(client, 'delete from lead_events where lead_id in (select id from leads where inquiry_id >= $1)', [first]);
  await sql(client, 'delete from leads where inquiry_id >= $1', [first]);
  const picks: number[][] = [];
  for (const inquiry of market.inquiries) {
    const em = orm.em.fork() as EntityManager;
    picks.push(
      await em.transactional(async (tx) => {
        const row = await tx.findOneOrFail(Inquiry, inquiry.id);
        const picked = await new MatchingService(tx, config).bestPartnersFor(row as Inquiry & { serviceType: ServiceType });
        await storeLeads(tx, row.id, newLeadRows(picked, null));
        return picked.map((lead) => lead.partnerId);
      }),
    );
  }
  return { name, picks };
}

interface FollowUpOutcome {
  name: string;
  answeredWithin: number[];
  leadsPerInquiry: number;
  expired: number;
  gini: number;
}

const WINDOWS = 3;
/** Later than any deadline of this run: an expiry "at the deadline" without waiting for it. */
const AFTER_EVERY_DEADLINE = new Date(Date.now() + 1_000 * 86_400_000);

/**
 * The response window on the synthetic market, through the real code: each OPEN inquiry in turn is
 * assigned (bestPartnersFor); each lead's partner follows it up within the window or not, as its
 * hidden responsiveness draws. With re-routing, every unanswered lead then expires at its deadline
 * (DeadlinesService.expire: the state machine, the record, the next best partner that never had it),
 * for up to WINDOWS windows; without, it waits NEW as today. Later inquiries see every earlier
 * outcome, so the track record (expiries, speed) steers the ranking as it would in production.
 */
async function followUpRun(orm: MikroORM, client: pg.Client, market: SyntheticMarket, reroute: boolean): Promise<FollowUpOutcome> {
  const first = market.inquiries[0].id;
  await sql(client, 'delete from outbox_emails where lead_id in (select id from leads where inquiry_id >= $1)', [first]);
  await sql(client, 'delete from lead_events where lead_id in (select id from leads where inquiry_id >= $1)', [first]);
  await sql(client, 'delete from leads where inquiry_id >= $1', [first]);
  const byId = new Map(market.partners.map((p) => [p.id, p]));
  const answeredWithin = Array.from({ length: WINDOWS }, () => 0);
  const counts = new Map(market.partners.map((p) => [p.id, 0]));
  let expired = 0;
  for (const inquiry of market.inquiries) {
    await (orm.em.fork() as EntityManager).transactional(async (tx) => {
      const row = await tx.findOneOrFail(Inquiry, inquiry.id);
      await storeLeads(
        tx,
        row.id,
        newLeadRows(await new MatchingService(tx).bestPartnersFor(row as Inquiry & { serviceType: ServiceType }), null),
      );
    });
    let open = (await sql(client, 'select id, partner_id from leads where inquiry_id = $1 order by id', [inquiry.id])).map((lead) => ({
      id: lead.id as number,
      partnerId: lead.partner_id as number,
    }));
    let firstAnswer: number | null = null;
    for (let window = 0; window < WINDOWS && open.length; window += 1) {
      const unanswered = [];
      for (const lead of open) {
        counts.set(lead.partnerId, counts.get(lead.partnerId)! + 1);
        if (market.answersInTime(lead.partnerId, inquiry.id)) {
          const hours = 1 + 40 * (1 - byId.get(lead.partnerId)!.responsiveness);
          await sql(client, `update leads set status = 'FOLLOWING', followed_at = created_at + $2 * interval '1 hour' where id = $1`, [
            lead.id,
            hours,
          ]);
          firstAnswer ??= window;
        } else unanswered.push(lead);
      }
      if (!reroute) break;
      open = [];
      for (const lead of unanswered) {
        const expiry = await new DeadlinesService(orm.em.fork() as EntityManager).expire(lead.id, AFTER_EVERY_DEADLINE);
        expired += expiry ? 1 : 0;
        if (expiry?.next) open.push({ id: expiry.next.id, partnerId: expiry.next.partner.id });
      }
    }
    for (let window = firstAnswer ?? WINDOWS; window < WINDOWS; window += 1) answeredWithin[window] += 1;
  }
  const n = market.inquiries.length;
  return {
    name: reroute ? 'with re-routing (expire and pass on)' : 'without re-routing (today: unanswered leads wait)',
    answeredWithin: answeredWithin.map((count) => count / n),
    leadsPerInquiry: [...counts.values()].reduce((sum, c) => sum + c, 0) / n,
    expired: expired / n,
    gini: gini([...counts.values()]),
  };
}

function baselines(market: SyntheticMarket): Outcome[] {
  const random = new Random(11);
  const ids = market.partners.map((p) => p.id);
  const randomPicks = market.inquiries.map(() => {
    const chosen = new Set<number>();
    while (chosen.size < PICK) chosen.add(random.pick(ids));
    return [...chosen];
  });
  const roundRobin = market.inquiries.map((_, n) => Array.from({ length: PICK }, (__, k) => ids[(n * PICK + k) % ids.length]));
  return [
    { name: 'random', picks: randomPicks },
    { name: 'round-robin', picks: roundRobin },
  ];
}

function judge(market: SyntheticMarket, outcome: Outcome) {
  const byId = new Map(market.partners.map((p) => [p.id, p]));
  const fit = (i: SyntheticInquiry, ids: number[]) => ids.reduce((sum, id) => sum + market.trueFit(byId.get(id)!, i), 0);
  let overlap = 0;
  let bestIncluded = 0;
  let fitShare = 0;
  let leads = 0;
  market.inquiries.forEach((inquiry, n) => {
    const picked = outcome.picks[n];
    const best = market.trueBest(inquiry, PICK);
    overlap += picked.filter((id) => best.includes(id)).length / PICK;
    bestIncluded += picked.includes(best[0]) ? 1 : 0;
    fitShare += fit(inquiry, picked) / fit(inquiry, best);
    leads += picked.length;
  });
  const counts = new Map(market.partners.map((p) => [p.id, 0]));
  for (const id of outcome.picks.flat()) counts.set(id, counts.get(id)! + 1);
  const n = market.inquiries.length;
  return {
    strategy: outcome.name,
    top3Overlap: overlap / n,
    bestInTop3: bestIncluded / n,
    fitVsBest: fitShare / n,
    leadsPerInquiry: leads / n,
    gini: gini([...counts.values()]),
  };
}

/** Ranking one OPEN inquiry against every candidate: one SQL statement, then pure scoring. */
async function rankingTime(orm: MikroORM, client: pg.Client, history: number[]) {
  const market = new SyntheticMarket(TIMING.partners, 1, 100_000, 100_000, 100_000, 99);
  await loadMarket(client, market, ServiceType.LIVE_STREAMING, history);
  const em = orm.em.fork() as EntityManager;
  const inquiry = await em.findOneOrFail(Inquiry, market.inquiries[0].id);
  const needs = {
    productCategory: inquiry.productCategory,
    budgetAmount: inquiry.budgetAmount,
    currency: inquiry.currency,
    location: inquiry.location ?? null,
    language: inquiry.language ?? null,
  };
  const query = { serviceType: ServiceType.LIVE_STREAMING, inquiryId: inquiry.id };
  const gather: number[] = [];
  const score: number[] = [];
  const total: number[] = [];
  let candidates = 0;
  for (let run = 0; run < TIMING.runs + 2; run += 1) {
    const t0 = performance.now();
    const features = await gatherCandidates(em, query, matchingConfig);
    const t1 = performance.now();
    rankCandidates(needs, features, matchingConfig);
    const t2 = performance.now();
    if (run < 2) continue; // warm-up
    candidates = features.length;
    gather.push(t1 - t0);
    score.push(t2 - t1);
    total.push(t2 - t0);
  }
  const leads = Number((await sql(client, 'select count(*) as n from leads'))[0].n);
  if (process.env.EXPLAIN) {
    const [text, params] = candidateStatement(query, matchingConfig);
    const plan = await em.execute(`explain (analyze, buffers) ${text}`, params);
    console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  }
  return { candidates, leadsInDatabase: leads, gather: latencyOf(gather), score: latencyOf(score), total: latencyOf(total) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const before = loadAverage();
  const database = await freshDatabase();
  const orm = await openDatabase(database.url, { poolSize: 2 });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const history = await loadBase(client);
    const market = new SyntheticMarket(QUALITY.partners, QUALITY.inquiries, 1, 1, 1000);
    await loadMarket(client, market, ServiceType.STORE_MANAGEMENT, history);
    console.log(`Assigning ${QUALITY.inquiries} OPEN inquiries among ${QUALITY.partners} partners…`);
    const fitOnly = { ...matchingConfig, weights: { ...matchingConfig.weights, capacity: 0, fairSpreading: 0 } };
    const outcomes = [
      await platformAssignment(orm, client, market, 'platform (default weights)', matchingConfig),
      await platformAssignment(orm, client, market, 'platform, fit only (capacity and fair spreading weight 0)', fitOnly),
      ...baselines(market),
    ];
    const quality = outcomes.map((outcome) => judge(market, outcome));
    console.log('Following up within the response window, without and with re-routing…');
    const followUps = [await followUpRun(orm, client, market, false), await followUpRun(orm, client, market, true)];
    console.log(`Ranking one inquiry against ${TIMING.partners} candidates (${TIMING.runs} runs)…`);
    const timing = await rankingTime(orm, client, history);

    console.log(
      `\n| strategy | true best 3 found (overlap) | true #1 in top 3 | true fit vs best possible | leads per inquiry | Gini of leads over partners |`,
    );
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const q of quality) {
      console.log(
        `| ${q.strategy} | ${pct(q.top3Overlap)} | ${pct(q.bestInTop3)} | ${pct(q.fitVsBest)} | ${q.leadsPerInquiry.toFixed(2)} | ${q.gini.toFixed(3)} |`,
      );
    }
    console.log(
      `\n| response window | followed up within 1 window | within 2 windows | within 3 windows | leads per inquiry | expired per inquiry | Gini of leads over partners |`,
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const f of followUps) {
      console.log(
        `| ${f.name} | ${f.answeredWithin.map(pct).join(' | ')} | ${f.leadsPerInquiry.toFixed(2)} | ${f.expired.toFixed(2)} | ${f.gini.toFixed(3)} |`,
      );
    }
    console.log(
      `\nRanking ${timing.candidates} candidates (${timing.leadsInDatabase} leads in the database), p50 / p95 over ${TIMING.runs} runs:`,
    );
    console.log(`- SQL feature gathering (1 statement): ${ms(timing.gather.p50)} / ${ms(timing.gather.p95)}`);
    console.log(`- scoring and sorting in Node: ${ms(timing.score.p50)} / ${ms(timing.score.p95)}`);
    console.log(`- total: ${ms(timing.total.p50)} / ${ms(timing.total.p95)}`);
    if (jsonAt >= 0) fs.writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ quality, followUps, timing }, null, 2));
    const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(' ');
    console.log(
      `\nLoad average (1, 5, 15 min) before: ${load(before)}, after: ${load(loadAverage())}, on ${os.cpus().length} CPUs; timings stretch with it.`,
    );
  } finally {
    await client.end();
    await orm.close();
    await database.drop();
  }
}

await main();
