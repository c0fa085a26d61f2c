import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  InquiryStatus,
  LeadAction,
  LeadSource,
  RequestType,
  Role,
  UserErrorCode,
  activeLeadStatuses,
  businessProfileRules,
  type ServiceType,
  submitInquiryRules,
  type BusinessProfile,
} from '@slp/shared';
import { accessPolicy } from '../auth/access-policy.js';
import { DomainError, validate } from '../domain-error.js';
import { requireRole, type Viewer } from '../auth/viewer.js';
import { Service } from '../partners/service.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { lockLead, newLeadRows, transitionLead, type LeadChange } from '../leads/lead-state-machine.js';
import { writeLeadEvents } from '../leads/lead-writes.js';
import { MatchingService } from '../matching/matching.service.js';
import { Inquiry } from './inquiry.entity.js';
import { insertInquiry, type SubmittedInquiry } from './inquiry-writes.js';
import { sha256 } from '../auth/digest.js';
import { paginateList } from '../db/keyset-pages.js';
import type { ConnectionResult, PageArgs, TwoWayPageArgs } from '../graphql/connection.js';
import type { LeadRead } from '../leads/lead-reads.js';
import { sellerInquiriesPage, type InquiryRead } from './inquiry-reads.js';

export interface SubmitInquiryData {
  contactName: string;
  contactEmail: string;
  location?: string | null;
  language?: string | null;
  companySize: string;
  currency: string;
  shopGmv: string;
  otherChannelsGmv?: string | null;
  budget: string;
  productCategory: string;
  hotSaleProduct?: string | null;
  otherDetails?: string | null;
  requestType: string;
  serviceType?: string | null;
  /** Row ids, decoded at the GraphQL edge: 0 for an ID naming no service, refused as missing at its place. */
  targetServiceIds?: number[] | null;
  idempotencyKey?: string | null;
}

/** Fields that never change after submission (the seed: contact email and selected partners). */
export const lockedInquiryFields = ['contactEmail', 'requestType', 'targetServiceIds'] as const;

const notFound = () => DomainError.of(UserErrorCode.NOT_FOUND, 'No such inquiry', ['inquiryId']);

/** The seller's side of an inquiry: submit, edit, close (whole or one partner). */
export class InquiriesService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Stores the inquiry and its first leads (the chosen partners', or the best fitting ones for OPEN
   * requests) with one plain statement: the hot path skips the unit of work (see inquiry-writes.ts).
   * The partners are picked before it, as nobody holds the inquiry yet.
   */
  async submit(viewer: Viewer | null, input: SubmitInquiryData): Promise<SubmittedInquiry> {
    const seller = requireRole(viewer, Role.SELLER).user;
    const { idempotencyKey = null, ...data } = validate(submitInquiryRules, { ...input, targetServiceIds: chosenServiceKeys(input) });
    const idempotencyFingerprint = idempotencyKey ? sha256(JSON.stringify(data)) : null;
    const retried = () => this.earlierSubmit(seller.id, idempotencyKey, idempotencyFingerprint);
    const earlier = await retried();
    if (earlier) return earlier;
    const inquiry = Object.assign(new Inquiry(), {
      seller,
      requestType: data.requestType,
      serviceType: data.serviceType ?? null,
      contactEmail: data.contactEmail,
      ...profileColumns(data),
      idempotencyKey,
      idempotencyFingerprint,
    });
    const targets = data.requestType === RequestType.TARGET ? await this.targetServices(input.targetServiceIds ?? []) : [];
    const leads =
      data.requestType === RequestType.OPEN
        ? await new MatchingService(this.em).bestPartnersFor(inquiry as Inquiry & { serviceType: ServiceType })
        : firstServicePerPartner(targets).map((service) => ({
            partnerId: service.partner.id,
            serviceId: service.id,
            source: LeadSource.SELLER_TARGETED,
          }));
    // The seller caused their targeted leads; the platform assigned the others.
    const rows = newLeadRows(leads, data.requestType === RequestType.TARGET ? seller : null);
    try {
      return await insertInquiry(
        this.em,
        inquiry,
        targets.map((service) => service.id),
        rows,
      );
    } catch (error) {
      // A retry that raced the first submit: the one statement wrote nothing, the first result stands.
      if (error instanceof UniqueConstraintViolationException && idempotencyKey) return (await retried())!;
      throw error;
    }
  }

  /**
   * The inquiry this seller submitted earlier with this idempotency key, with its leads; refused when
   * the key came with a different request. Null when there is no key or no such submit.
   */
  private async earlierSubmit(sellerId: number, key: string | null, fingerprint: string | null): Promise<SubmittedInquiry | null> {
    if (!key) return null;
    const inquiry = await this.em.findOne(Inquiry, { seller: sellerId, idempotencyKey: key });
    if (!inquiry) return null;
    if (inquiry.idempotencyFingerprint !== fingerprint) {
      throw DomainError.of(
        UserErrorCode.CONFLICT,
        'This idempotency key was already used for a different request; use a new key for each new request',
        ['idempotencyKey'],
      );
    }
    return { inquiry, leads: await this.em.find(Lead, { inquiry }, { orderBy: { id: 'asc' } }) };
  }

  /** A page of the seller's own inquiries, newest first. */
  async mine(viewer: Viewer | null, status: InquiryStatus | null, page: TwoWayPageArgs): Promise<ConnectionResult<InquiryRead>> {
    const seller = requireRole(viewer, Role.SELLER).user;
    return sellerInquiriesPage(this.em, seller.id, status, page);
  }

  /**
   * A page of the inquiry's leads the viewer may see, oldest first, from all of them read together:
   * filtered before paging, so the total counts only what the viewer may see.
   */
  leadsPage(viewer: Viewer | null, inquiry: InquiryRead, leads: LeadRead[], page: PageArgs): ConnectionResult<LeadRead> {
    const sellerId = inquiry.seller.id;
    return paginateList(
      leads.filter((lead) => accessPolicy.lead(viewer, { partnerId: lead.partner.id, sellerId })),
      page,
    );
  }

  /** TARGET requests may only name public services of onboarded partners. */
  private async targetServices(ids: number[]): Promise<Service[]> {
    const found = await this.em.find(Service, { id: { $in: ids.filter((id) => id !== 0) } }, { populate: ['partner'] });
    const byId = new Map(found.map((service) => [service.id, service]));
    const problems = ids.flatMap((id, index) => {
      const service = byId.get(id);
      // What anyone may see of a service (the directory's rule) is what a seller may target.
      const listed =
        service &&
        accessPolicy.service(null, { partnerId: service.partner.id, isPublic: service.public, partnerStatus: service.partner.status });
      if (listed) return [];
      return [
        {
          code: UserErrorCode.NOT_FOUND,
          field: ['targetServiceIds', String(index)],
          message: 'This service does not exist or is not open to requests',
        },
      ];
    });
    if (problems.length) throw new DomainError(problems);
    return ids.map((id) => byId.get(id)!);
  }

  async update(viewer: Viewer | null, input: { inquiryId: number } & Record<string, unknown>): Promise<Inquiry> {
    const seller = requireRole(viewer, Role.SELLER).user;
    const given = lockedInquiryFields.filter((field) => input[field] !== undefined);
    if (given.length) {
      throw new DomainError(
        given.map((field) => ({
          code: UserErrorCode.NOT_EDITABLE,
          field: [field],
          message: 'Contact email, request type and selected services cannot be changed after submitting',
        })),
      );
    }
    return this.em.transactional(async (em) => {
      const inquiry = await this.lockOwnInquiry(em, input.inquiryId, seller.id);
      if (inquiry.status !== InquiryStatus.ACTIVE) {
        throw DomainError.of(UserErrorCode.NOT_EDITABLE, 'A closed inquiry cannot be edited');
      }
      // The row is locked: of racing edits made on one version, the first wins and the others are told.
      if (input.expectedVersion != null && input.expectedVersion !== inquiry.version) {
        throw DomainError.of(
          UserErrorCode.CONFLICT,
          'This request changed since you opened it: reload it to see the changes, then edit again',
          ['expectedVersion'],
        );
      }
      const merged = { ...profileOf(inquiry), ...definedFields(input) };
      em.assign(inquiry, profileColumns(validate(businessProfileRules, merged)));
      return inquiry;
    });
  }

  /** Closes the whole inquiry: no edits, no new partners, every open lead closes. */
  async close(viewer: Viewer | null, inquiryId: number): Promise<{ inquiry: Inquiry; changes: LeadChange[] }> {
    const seller = requireRole(viewer, Role.SELLER).user;
    return this.em.transactional(async (em) => {
      const inquiry = await this.lockOwnInquiry(em, inquiryId, seller.id);
      if (inquiry.status === InquiryStatus.CLOSED) {
        throw DomainError.of(UserErrorCode.INVALID_TRANSITION, 'This inquiry is already closed');
      }
      inquiry.status = InquiryStatus.CLOSED;
      inquiry.closedAt = new Date();
      const open = await em.find(
        Lead,
        { inquiry, status: { $in: [...activeLeadStatuses] } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
      );
      const changes = open.map((lead) => transitionLead(lead, LeadAction.SELLER_CLOSE, { actor: seller }));
      await writeLeadEvents(
        em,
        changes.flatMap((change) => change.events),
      );
      return { inquiry, changes };
    });
  }

  /** Closes one partner's lead on the seller's inquiry (the seed's "partner level"). */
  async closeLead(viewer: Viewer | null, leadId: number): Promise<LeadChange> {
    const seller = requireRole(viewer, Role.SELLER).user;
    return this.em.transactional(async (em) => {
      // Only the lead row is locked: closeInquiry locks the inquiry before its leads, never the reverse.
      const lead = await lockLead(em, leadId);
      if (!lead || (await em.findOneOrFail(Inquiry, lead.inquiry.id)).seller.id !== seller.id) {
        throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such lead', ['leadId']);
      }
      const change = transitionLead(lead, LeadAction.SELLER_CLOSE, { actor: seller });
      await writeLeadEvents(em, change.events);
      return change;
    });
  }

  /** Another seller's inquiry reads as missing: its existence is not revealed. */
  private async lockOwnInquiry(em: EntityManager, id: number, sellerId: number): Promise<Inquiry> {
    const inquiry = await em.findOne(Inquiry, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!inquiry || inquiry.seller.id !== sellerId) throw notFound();
    return inquiry;
  }
}

/**
 * The chosen services as the shared rule checks them (how many, each once): each row id as text, and
 * for an ID naming no service a key of its own, so two unknown IDs are each refused as missing at
 * their place rather than as one service chosen twice.
 */
function chosenServiceKeys({ targetServiceIds }: SubmitInquiryData): string[] | null | undefined {
  return targetServiceIds?.map((id, index) => (id === 0 ? `unknown:${index}` : String(id)));
}

function firstServicePerPartner(services: Service[]): Service[] {
  const seen = new Map<number, Service>();
  for (const service of services) if (!seen.has(service.partner.id)) seen.set(service.partner.id, service);
  return [...seen.values()];
}

function definedFields(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => !['inquiryId', 'expectedVersion'].includes(key) && value !== undefined),
  );
}

/** Each business-profile field and the inquiry column that stores it: money is kept as an exact amount column. */
const profileColumnOf = {
  contactName: 'contactName',
  location: 'location',
  language: 'language',
  companySize: 'companySize',
  currency: 'currency',
  shopGmv: 'shopGmvAmount',
  otherChannelsGmv: 'otherChannelsGmvAmount',
  budget: 'budgetAmount',
  productCategory: 'productCategory',
  hotSaleProduct: 'hotSaleProduct',
  otherDetails: 'otherDetails',
} as const satisfies Record<keyof BusinessProfile, keyof Inquiry>;
const profileFields = Object.keys(profileColumnOf) as (keyof BusinessProfile)[];

function profileOf(inquiry: Inquiry) {
  return Object.fromEntries(profileFields.map((field) => [field, inquiry[profileColumnOf[field]]]));
}

function profileColumns(profile: BusinessProfile) {
  return Object.fromEntries(profileFields.map((field) => [profileColumnOf[field], profile[field]])) as Pick<
    Inquiry,
    (typeof profileColumnOf)[keyof BusinessProfile]
  >;
}
