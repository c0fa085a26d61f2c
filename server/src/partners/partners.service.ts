import type { EntityManager } from '@mikro-orm/postgresql';
import { PartnerStatus, Role, UserErrorCode, operatorReasonRules, partnerProfileRules, publishServiceRules } from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { requireOnboardedPartner, requirePartner, requireRole, type Viewer } from '../auth/viewer.js';
import type { ConnectionResult, PageArgs, TwoWayPageArgs } from '../graphql/connection.js';
import { Partner } from './partner.entity.js';
import { Service } from './service.entity.js';
import {
  directoryPage,
  partnerServicesPage,
  partnersPage,
  type DirectoryFilter,
  type PartnerRead,
  type ServiceRead,
} from './partner-reads.js';

/** Partners, their published services, and the public directory. */
export class PartnersService {
  constructor(private readonly em: EntityManager) {}

  /** A page of the directory, newest first. */
  directory(filter: DirectoryFilter, page: PageArgs): Promise<ConnectionResult<ServiceRead>> {
    return directoryPage(this.em, filter, page);
  }

  /** A page of a partner's services, newest first: its own members and operators see its private ones too. */
  servicesOf(viewer: Viewer | null, partner: PartnerRead, page: PageArgs): Promise<ConnectionResult<ServiceRead>> {
    return partnerServicesPage(this.em, viewer, partner.id, page);
  }

  /** Operator: a page of every partner (or those in one status), newest first. */
  async list(viewer: Viewer | null, status: PartnerStatus | null, page: TwoWayPageArgs): Promise<ConnectionResult<PartnerRead>> {
    requireRole(viewer, Role.OPERATOR);
    return partnersPage(this.em, status, page);
  }

  async publishService(viewer: Viewer | null, input: unknown): Promise<Service> {
    const data = validate(publishServiceRules, input);
    // A private draft is the partner's own business; a public service needs an onboarded partner.
    const { partner } = data.public ? requireOnboardedPartner(viewer) : requirePartner(viewer);
    const service = this.em.create(Service, {
      partner: this.em.getReference(Partner, partner.id),
      title: data.title,
      description: data.description,
      serviceType: data.serviceType,
      public: data.public,
      productCategories: data.productCategories,
      priceFromAmount: data.priceFrom,
      priceToAmount: data.priceTo,
      currency: data.currency,
    });
    await this.em.flush();
    return service;
  }

  /**
   * Operator: the partner's new status, with the operator's reason (what its members read, e.g. why
   * it is suspended). Each change replaces the reason; the same status again keeps the old one unless
   * a new reason is given.
   */
  async setPartnerStatus(
    viewer: Viewer | null,
    input: { partnerId: number; status: PartnerStatus; reason?: string | null },
  ): Promise<Partner> {
    requireRole(viewer, Role.OPERATOR);
    const { reason } = validate(operatorReasonRules, { reason: input.reason });
    const partner = await this.em.findOne(Partner, input.partnerId);
    if (!partner) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such partner', ['partnerId']);
    if (partner.status !== input.status || reason) {
      partner.status = input.status;
      partner.statusReason = reason;
      partner.statusChangedAt = new Date();
    }
    await this.em.flush();
    return partner;
  }

  /** Partner: its members edit what its public page says about it (pending or suspended ones too). */
  async updatePartnerProfile(viewer: Viewer | null, input: { description?: string | null }): Promise<Partner> {
    const { partner } = requirePartner(viewer);
    const data = validate(partnerProfileRules, input);
    const own = await this.em.findOneOrFail(Partner, partner.id);
    own.description = data.description;
    await this.em.flush();
    return own;
  }
}
