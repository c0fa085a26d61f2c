import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { CompanySize, PartnerStatus, ProductCategory, Role, ServiceType } from '@slp/shared';
import { AuthService } from '../src/auth/auth.service.js';
import { Partner } from '../src/partners/partner.entity.js';
import { Service } from '../src/partners/service.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import type { GraphQLClient, TestApp } from './harness.js';

export const PASSWORD = 'correct horse battery';
let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}-${process.pid}@example.test`;

export interface PartnerFixture {
  partner: Partner;
  partnerId: string;
  services: string[];
  member(): Promise<GraphQLClient>;
}

/** Builds accounts and partners straight in the database, then logs in over HTTP like a user. */
export class World {
  constructor(readonly app: TestApp) {}

  private em(): EntityManager {
    return (this.app.orm as MikroORM).em.fork() as EntityManager;
  }

  anonymous(): GraphQLClient {
    return this.app.client();
  }

  async logIn(email: string): Promise<GraphQLClient> {
    const client = this.app.client();
    const result = await client.request(`mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`, {
      input: { email, password: PASSWORD },
    });
    if (result.logIn.userErrors.length) throw new Error(`cannot log in ${email}`);
    return client;
  }

  async user(role: Role, partner?: Partner): Promise<{ email: string; client: GraphQLClient }> {
    const email = unique(role.toLowerCase());
    await new AuthService(this.em()).createUser({ email, password: PASSWORD, name: `${role} user`, role, partner });
    return { email, client: await this.logIn(email) };
  }

  async seller(): Promise<GraphQLClient> {
    return (await this.user(Role.SELLER)).client;
  }

  async operator(): Promise<GraphQLClient> {
    return (await this.user(Role.OPERATOR)).client;
  }

  async partner(
    options: {
      status?: PartnerStatus;
      services?: Partial<
        Pick<
          Service,
          'serviceType' | 'public' | 'productCategories' | 'priceFromAmount' | 'priceToAmount' | 'currency' | 'title' | 'regions'
        >
      >[];
      capacity?: number;
      location?: string;
      languages?: string[];
    } = {},
  ): Promise<PartnerFixture> {
    const em = this.em();
    const partner = em.create(Partner, {
      name: `Partner ${++counter}`,
      contactEmail: unique('hello'),
      status: options.status ?? PartnerStatus.ONBOARDED,
      capacity: options.capacity ?? 20,
      location: options.location ?? null,
      languages: options.languages ?? [],
    });
    const services = (options.services ?? [{}]).map((spec) =>
      em.create(Service, {
        partner,
        title: 'Store management',
        serviceType: ServiceType.STORE_MANAGEMENT,
        public: true,
        productCategories: [ProductCategory.BEAUTY_PERSONAL_CARE],
        priceFromAmount: '1000',
        priceToAmount: '5000',
        currency: 'USD',
        ...spec,
      }),
    );
    await em.flush();
    return {
      partner,
      partnerId: toGlobalId('Partner', partner.id),
      services: services.map((s) => toGlobalId('Service', s.id)),
      member: async () => (await this.user(Role.PARTNER, partner)).client,
    };
  }
}

/** A complete, valid request form; tests override what they exercise. */
export function inquiryInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contactName: 'Dana Seller',
    contactEmail: 'dana@shop.test',
    location: 'Austin, US',
    companySize: CompanySize.EMPLOYEES_5_30,
    currency: 'USD',
    shopGmv: '42000.50',
    otherChannelsGmv: '1000',
    budget: '3000',
    productCategory: ProductCategory.BEAUTY_PERSONAL_CARE,
    hotSaleProduct: 'Serum',
    otherDetails: 'Launching soon',
    requestType: 'TARGET',
    ...overrides,
  };
}

export const INQUIRY_FIELDS = `id status requestType serviceType location companySize productCategory hotSaleProduct otherDetails
  shopGmv { amount currency } otherChannelsGmv { amount currency } budget { amount currency }
  contact { name email } contactAccess createdAt updatedAt closedAt
  targetServices { id } leads { totalCount edges { node { id status source partner { id } } } }`;

export const SUBMIT = `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) {
  inquiry { ${INQUIRY_FIELDS} } userErrors { field message code } } }`;

export async function submitInquiry(client: GraphQLClient, input: Record<string, unknown>) {
  const data = await client.request(SUBMIT, { input });
  return data.submitInquiry as { inquiry: any; userErrors: { field: string[]; message: string; code: string }[] };
}

export const CREATE_API_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  apiToken { id name scope hint createdAt lastUsedAt revokedAt } secret userErrors { field message code } } }`;

/** A member creates an API token; the returned client sends it as a Bearer token and no cookie. */
export async function apiTokenClient(app: TestApp, member: GraphQLClient, scope = 'READ_ONLY', name = 'Dashboard') {
  const { createApiToken } = await member.request(CREATE_API_TOKEN, { input: { name, scope } });
  if (!createApiToken.secret) throw new Error(`cannot create a token: ${JSON.stringify(createApiToken.userErrors)}`);
  const client = app.client();
  client.headers = { authorization: `Bearer ${createApiToken.secret}` };
  return { client, secret: createApiToken.secret as string, apiToken: createApiToken.apiToken };
}
