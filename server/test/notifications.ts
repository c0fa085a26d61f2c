import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadAction, Role } from '@slp/shared';
import { User } from '../src/auth/user.entity.js';
import { idOfType } from '../src/graphql/node.js';
import { lockLead, transitionLead } from '../src/leads/lead-state-machine.js';
import { writeLeadEvents } from '../src/leads/lead-writes.js';
import { OutboxEmail } from '../src/notifications/outbox-email.entity.js';
import type { GraphQLClient, TestApp } from './harness.js';
import { World, type PartnerFixture } from './fixtures.js';

export const MAILBOX = `query($to: String) { devMailbox(to: $to, first: 100) { messageId from to subject text html } }`;

export interface Member {
  email: string;
  client: GraphQLClient;
}

/** A partner with two members, each with a known address. */
export async function partnerWithMembers(world: World, count = 2): Promise<PartnerFixture & { members: Member[] }> {
  const fixture = await world.partner();
  const members: Member[] = [];
  for (let i = 0; i < count; i += 1) members.push(await world.user(Role.PARTNER, fixture.partner));
  return { ...fixture, members };
}

function em(app: TestApp): EntityManager {
  return app.orm.em.fork() as EntityManager;
}

/** Moves a lead with the domain's own state machine, as the lead pool's mutations do. */
export async function moveLead(app: TestApp, leadGlobalId: string, action: LeadAction, actorEmail: string): Promise<void> {
  await em(app).transactional(async (tx) => {
    const actor = await tx.findOneOrFail(User, { email: actorEmail });
    const lead = await lockLead(tx, idOfType(leadGlobalId, 'Lead')!);
    await writeLeadEvents(tx, transitionLead(lead!, action, { actor }).events);
  });
}

/** The outbox rows of one lead, oldest first. */
export async function outboxOf(app: TestApp, leadGlobalId: string): Promise<OutboxEmail[]> {
  return em(app).find(OutboxEmail, { lead: idOfType(leadGlobalId, 'Lead')! }, { orderBy: { id: 'asc' } });
}
