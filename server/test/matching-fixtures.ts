import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CompanySize, LeadSource, LeadStatus, ProductCategory, RequestType, Role, ServiceType } from '@slp/shared';
import { AuthService } from '../src/auth/auth.service.js';
import type { User } from '../src/auth/user.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { Inquiry } from '../src/inquiries/inquiry.entity.js';
import { Lead } from '../src/leads/lead.entity.js';
import type { Partner } from '../src/partners/partner.entity.js';
import { PASSWORD, World } from './fixtures.js';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from './harness.js';

export const RECOMMEND = `query($id: ID!, $first: Int) { recommendedPartners(inquiryId: $id, first: $first) {
  partner { id } service { id } score reasons { factor weight value explanation } } }`;

export interface RecommendationJson {
  partner: { id: string };
  service: { id: string } | null;
  score: number;
  reasons: { factor: string; weight: number; value: number; explanation: string }[];
}

const HOUR = 3_600_000;
let sellers = 0;

/**
 * Rows matching reads, written straight to the database: OPEN inquiries that skip automatic
 * assignment (so every partner stays a candidate) and leads with a chosen past.
 */
export class MatchingWorld {
  private seller?: User;

  constructor(readonly app: TestApp) {}

  private em(): EntityManager {
    return (this.app.orm as MikroORM).em.fork() as EntityManager;
  }

  private async sellerUser(em: EntityManager): Promise<User> {
    this.seller ??= await new AuthService(em).createUser({
      email: `history-seller-${++sellers}-${process.pid}@example.test`,
      password: PASSWORD,
      name: 'History seller',
      role: Role.SELLER,
    });
    return em.merge(this.seller);
  }

  /** An ACTIVE OPEN inquiry with no leads; returns its global ID and row. */
  async openInquiry(overrides: Partial<Inquiry> = {}): Promise<{ id: string; inquiry: Inquiry }> {
    const em = this.em();
    const inquiry = em.create(Inquiry, {
      seller: await this.sellerUser(em),
      requestType: RequestType.OPEN,
      serviceType: ServiceType.STORE_MANAGEMENT,
      contactName: 'Dana Seller',
      contactEmail: 'dana@shop.test',
      location: 'Austin, US',
      language: 'en',
      companySize: CompanySize.EMPLOYEES_5_30,
      currency: 'USD',
      shopGmvAmount: '1000',
      budgetAmount: '3000',
      productCategory: ProductCategory.BEAUTY_PERSONAL_CARE,
      ...overrides,
    });
    await em.flush();
    return { id: toGlobalId('Inquiry', inquiry.id), inquiry };
  }

  /** A lead for the partner on a fresh inquiry of its own, created `hoursAgo` and followed up after `followedAfterHours`. */
  async pastLead(
    partner: Partner,
    options: {
      status?: LeadStatus;
      source?: LeadSource;
      hoursAgo?: number;
      followedAfterHours?: number;
      inquiry?: Inquiry;
    } = {},
  ): Promise<Lead> {
    const inquiry = options.inquiry ?? (await this.openInquiry({ serviceType: ServiceType.TRAINING })).inquiry;
    const em = this.em();
    const createdAt = new Date(Date.now() - (options.hoursAgo ?? 1) * HOUR);
    const status = options.status ?? LeadStatus.NEW;
    const followed = options.followedAfterHours != null;
    const lead = em.create(Lead, {
      inquiry: em.getReference(Inquiry, inquiry.id),
      partner: partner.id,
      status,
      source: options.source ?? LeadSource.PLATFORM_ASSIGNED,
      createdAt,
      followedAt: followed ? new Date(createdAt.getTime() + options.followedAfterHours! * HOUR) : null,
      dealAt: status === LeadStatus.DEAL ? new Date() : null,
    });
    await em.flush();
    return lead;
  }
}

export function recommendationOf(list: RecommendationJson[], partnerId: string): RecommendationJson {
  const found = list.find((r) => r.partner.id === partnerId);
  if (!found) throw new Error(`partner ${partnerId} is not recommended`);
  return found;
}

export function partOf(list: RecommendationJson[], partnerId: string, factor: string) {
  const found = recommendationOf(list, partnerId).reasons.find((r) => r.factor === factor);
  if (!found) throw new Error(`no ${factor} part`);
  return { value: found.value, explanation: found.explanation };
}

export interface MatchingSuite {
  app: TestApp;
  world: World;
  history: MatchingWorld;
  operator: GraphQLClient;
}

/** This test file's app, its fixtures and a logged-in operator, ready in beforeAll and closed after. */
export function matchingSuite(): MatchingSuite {
  const suite = {} as MatchingSuite;
  beforeAll(async () => {
    // No delivery worker: its outbox polls would land in the statement counts some tests assert.
    suite.app = await startTestApp({ notifications: { deliver: false } });
    suite.world = new World(suite.app);
    suite.history = new MatchingWorld(suite.app);
    suite.operator = await suite.world.operator();
  });
  afterAll(() => suite.app?.close());
  return suite;
}
