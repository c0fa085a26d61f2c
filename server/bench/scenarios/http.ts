import { CompanySize, ProductCategory, RequestType, ServiceType } from '@slp/shared';
import type { Actor, Actors } from '../actors.js';
import type { BenchSettings } from '../config.js';
import * as documents from './documents.js';
import type { RequestPlan } from './http-load.js';

export interface HttpScenario {
  name: string;
  /** Schema fields the scenario calls, e.g. "Query.leads": until they exist it is reported as not available. */
  needs: string[];
  document: string;
  plans: RequestPlan[];
  connections: number;
  /** Each plan is sent once (a lead is followed up only once), so the run is as long as the plans. */
  once?: boolean;
}

export const NEW_TAB = 'NEW tab page of 50';
export const SUBMIT_OPEN = 'submitInquiry OPEN';
export const NEW_TAB_BY_BUDGET = 'NEW tab page of 50, by budget';
export const NEW_TAB_SEARCH = 'NEW tab page of 50, searched';

const serviceTypes = Object.values(ServiceType);
const categories = Object.values(ProductCategory);
const companySizes = Object.values(CompanySize);
const DAY = 86_400_000;

/** A complete OPEN request form; the index varies what it asks for. */
export function inquiryInput(i: number, extra: Record<string, unknown> = {}) {
  return {
    contactName: `Bench contact ${i}`,
    contactEmail: `bench.contact${i}@shop.bench.test`,
    location: 'Los Angeles, US',
    companySize: companySizes[i % companySizes.length],
    currency: 'USD',
    shopGmv: `${20_000 + (i % 50) * 1000}.00`,
    budget: `${1000 + (i % 40) * 100}.00`,
    productCategory: categories[i % categories.length],
    requestType: RequestType.OPEN,
    serviceType: serviceTypes[i % serviceTypes.length],
    ...extra,
  };
}

const plansOf = (actors: Actor[], variables: (i: number) => Record<string, unknown>): RequestPlan[] =>
  actors.map((actor, i) => ({ cookie: actor.cookie, variables: variables(i) }));

/** What users do over HTTP, each scenario at a fixed concurrency. */
export function httpScenarios(actors: Actors, settings: BenchSettings): HttpScenario[] {
  const reads = settings.readConnections;
  const writes = settings.writeConnections;
  const now = Date.now();
  return [
    {
      name: NEW_TAB,
      needs: ['Query.leads'],
      document: documents.newTabPage,
      connections: reads,
      plans: plansOf(actors.partnerMembers, () => ({ first: settings.pageSize })),
    },
    {
      name: NEW_TAB_BY_BUDGET,
      needs: ['Query.leads'],
      document: documents.newTabOrderedOrSearched,
      connections: reads,
      plans: plansOf(actors.partnerMembers, () => ({ first: settings.pageSize, orderBy: { field: 'BUDGET', direction: 'DESC' } })),
    },
    {
      name: NEW_TAB_SEARCH,
      needs: ['Query.leads'],
      document: documents.newTabOrderedOrSearched,
      connections: reads,
      plans: plansOf(actors.partnerMembers, () => ({ first: settings.pageSize, search: 'growing shop' })),
    },
    {
      name: 'leadCounts',
      needs: ['Query.leadCounts'],
      document: documents.leadCounts,
      connections: reads,
      plans: plansOf(actors.partnerMembers, () => ({})),
    },
    {
      name: 'myInquiries page of 20',
      needs: ['Query.myInquiries'],
      document: documents.myInquiries,
      connections: reads,
      plans: plansOf(actors.sellers, () => ({ first: 20 })),
    },
    {
      name: 'lead detail (node)',
      needs: ['Query.node'],
      document: documents.leadDetail,
      connections: reads,
      plans: actors.leadsToOpen.map(({ actor, leadId }) => ({ cookie: actor.cookie, variables: { id: leadId } })),
    },
    {
      name: SUBMIT_OPEN,
      needs: ['Mutation.submitInquiry'],
      document: documents.submitInquiry,
      connections: writes,
      plans: [0, 1, 2, 3].flatMap((round) => plansOf(actors.sellers, (i) => ({ input: inquiryInput(round * 1000 + i) }))),
    },
    {
      name: 'followLead (distinct NEW leads)',
      needs: ['Mutation.followLead'],
      document: documents.followLead,
      connections: writes,
      once: true,
      plans: actors.leadsToFollow.map(({ actor, leadId }) => ({ cookie: actor.cookie, variables: { input: { leadId } } })),
    },
    {
      name: 'leadStats 90 days',
      needs: ['Query.leadStats'],
      document: documents.leadStats,
      connections: reads,
      plans: plansOf(actors.partnerMembers, () => ({ from: new Date(now - 90 * DAY).toISOString(), to: new Date(now).toISOString() })),
    },
  ];
}
