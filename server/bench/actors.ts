import crypto from 'node:crypto';
import pg from 'pg';
import { toGlobalId } from '../src/graphql/node.js';
import type { BenchSettings } from './config.js';

/** A logged-in user: the cookie a browser would send. */
export interface Actor {
  userId: number;
  cookie: string;
}
export interface LeadActor {
  actor: Actor;
  leadId: string;
}
export interface Subscriber {
  actor: Actor;
  serviceId: string;
}

export interface Actors {
  /** Members of partners whose NEW tab holds at least a full page. */
  partnerMembers: Actor[];
  sellers: Actor[];
  /** Leads their partner's member may open (any status but REJECTED). */
  leadsToOpen: LeadActor[];
  /** Distinct NEW leads, each followed up once. */
  leadsToFollow: LeadActor[];
  /** One member of each of many onboarded partners, with a public service a seller can target. */
  subscribers: Subscriber[];
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Starts a session per user straight in the database: logging in 1,000 users means 1,000 argon2 runs. */
async function startSessions(client: pg.Client, userIds: number[]): Promise<Map<number, Actor>> {
  const tokens = userIds.map(() => crypto.randomBytes(32).toString('base64url'));
  await client.query(
    `insert into sessions (token_hash, user_id, created_at, expires_at)
    select hash, user_id, now(), now() + interval '1 day' from unnest($1::text[], $2::int[]) as t(hash, user_id)
    on conflict do nothing`,
    [tokens.map(sha256), userIds],
  );
  return new Map(userIds.map((userId, i) => [userId, { userId, cookie: `slp_session=${tokens[i]}` }]));
}

// md5 of the id: a fixed, well-mixed order, so each run picks the same users and leads.
const queries = {
  partnerMembers: `select min(u.id) as user_id from users u
    join (select partner_id from leads where status = 'NEW' group by partner_id having count(*) >= $1) p using (partner_id)
    group by u.partner_id order by md5(u.partner_id::text) limit 64`,
  sellers: `select distinct seller_id as user_id, md5(seller_id::text) from inquiries order by md5(seller_id::text) limit 64`,
  leadsToOpen: `select l.id as lead_id, (select min(id) from users u where u.partner_id = l.partner_id) as user_id
    from leads l where l.status <> 'REJECTED' order by md5(l.id::text) limit 1000`,
  leadsToFollow: `select l.id as lead_id, (select min(id) from users u where u.partner_id = l.partner_id) as user_id
    from leads l join partners p on p.id = l.partner_id
    where l.status = 'NEW' and p.status = 'ONBOARDED' order by md5(l.id::text) limit $1`,
  subscribers: `select min(u.id) as user_id, min(s.id) as service_id from partners p
    join users u on u.partner_id = p.id join services s on s.partner_id = p.id and s.public
    where p.status = 'ONBOARDED' group by p.id order by p.id limit $1`,
};

export async function prepareActors(databaseUrl: string, settings: BenchSettings): Promise<Actors> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
    const picked = {
      partnerMembers: await rows(queries.partnerMembers, [settings.pageSize]),
      sellers: await rows(queries.sellers),
      leadsToOpen: await rows(queries.leadsToOpen),
      leadsToFollow: await rows(queries.leadsToFollow, [settings.followLeads]),
      subscribers: await rows(queries.subscribers, [settings.subscribers]),
    };
    const userIds = [
      ...new Set(
        Object.values(picked)
          .flat()
          .map((row) => row.user_id as number),
      ),
    ];
    const actors = await startSessions(client, userIds);
    const leadActor = (row: { lead_id: number; user_id: number }) => ({
      actor: actors.get(row.user_id)!,
      leadId: toGlobalId('Lead', row.lead_id),
    });
    return {
      partnerMembers: picked.partnerMembers.map((row) => actors.get(row.user_id)!),
      sellers: picked.sellers.map((row) => actors.get(row.user_id)!),
      leadsToOpen: picked.leadsToOpen.map(leadActor),
      leadsToFollow: picked.leadsToFollow.map(leadActor),
      subscribers: picked.subscribers.map((row) => ({ actor: actors.get(row.user_id)!, serviceId: toGlobalId('Service', row.service_id) })),
    };
  } finally {
    await client.end();
  }
}
