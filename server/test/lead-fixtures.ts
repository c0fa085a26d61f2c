import type { GraphQLClient } from './harness.js';
import { inquiryInput, submitInquiry, type PartnerFixture, type World } from './fixtures.js';

export const LEAD_FIELDS = `id status source closeReason rejectReason rejectNote closeNote createdAt followedAt dealAt closedAt
  authorization { id authorizationId revokedAt } history { type actorRole }`;
const PAYLOAD = `lead { ${LEAD_FIELDS} } userErrors { field message code }`;

const leadMutations = {
  followLead: 'FollowLeadInput',
  rejectLead: 'RejectLeadInput',
  acceptCooperation: 'AcceptCooperationInput',
  markNoAgreement: 'MarkNoAgreementInput',
  closeLead: 'CloseLeadInput',
} as const;

export type LeadMutation = keyof typeof leadMutations;
export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}
export interface LeadPayloadShape {
  lead: any;
  userErrors: UserErrorShape[];
}

/** Runs one of the lead mutations and returns its payload. */
export async function leadAction(client: GraphQLClient, name: LeadMutation, input: Record<string, unknown>): Promise<LeadPayloadShape> {
  const data = await client.request(`mutation($input: ${leadMutations[name]}!) { ${name}(input: $input) { ${PAYLOAD} } }`, { input });
  return data[name];
}

const AUTHORIZATION_PAYLOAD = 'authorization { id authorizationId grantedAt revokedAt partner { id } } userErrors { field message code }';

export async function grantAuthorization(seller: GraphQLClient, partnerId: string) {
  const data = await seller.request(
    `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { ${AUTHORIZATION_PAYLOAD} } }`,
    { input: { partnerId } },
  );
  return data.grantAuthorization as { authorization: any; userErrors: UserErrorShape[] };
}

export async function revokeAuthorization(seller: GraphQLClient, authorizationId: string) {
  const data = await seller.request(
    `mutation($input: RevokeAuthorizationInput!) { revokeAuthorization(input: $input) { ${AUTHORIZATION_PAYLOAD} } }`,
    { input: { authorizationId } },
  );
  return data.revokeAuthorization as { authorization: any; userErrors: UserErrorShape[] };
}

/** A lead as anyone allowed sees it, by node(id:). */
export async function readLead(client: GraphQLClient, leadId: string): Promise<any> {
  return (await client.request(`query($id: ID!) { node(id: $id) { ... on Lead { ${LEAD_FIELDS} } } }`, { id: leadId })).node;
}

/** The seller sends a targeted request to one partner; returns that partner's lead ID. */
export async function leadFor(seller: GraphQLClient, partner: PartnerFixture, overrides: Record<string, unknown> = {}): Promise<string> {
  const { inquiry, userErrors } = await submitInquiry(seller, inquiryInput({ targetServiceIds: [partner.services[0]], ...overrides }));
  if (userErrors.length) throw new Error(`cannot submit: ${JSON.stringify(userErrors)}`);
  return inquiry.leads.edges[0].node.id;
}

/** A partner with one member, and a seller, ready to work leads. */
export async function leadParties(world: World) {
  const partner = await world.partner();
  return { partner, member: await partner.member(), seller: await world.seller() };
}

export const historyTypes = (lead: { history: { type: string }[] }) => lead.history.map((event) => event.type);
