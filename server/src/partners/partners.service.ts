import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import {
  PartnerStatus,
  ProductCategory,
  Role,
  ServiceType,
  UserErrorCode,
  operatorReasonRules,
  partnerProfileRules,
  publishServiceRules,
} from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { requireOnboardedPartner, requirePartner, requireRole, type Viewer } from '../auth/viewer.js';
import { DIRECTORY_RULE, partnerServicesVisibleTo } from '../auth/access-policy.js';
import { paginate } from '../db/keyset-pages.js';
import type { Read } from '../db/lean-read.js';
import type { ConnectionResult, PageArgs, TwoWayPageArgs } from '../graphql/connection.js';
import { Partner } from './partner.entity.js';
import { Service } from './service.entity.js';

export interface DirectoryFilter {
  serviceType?: ServiceType | null;
  productCategory?: ProductCategory | null;
  search?: string | null;
}

/** Partners, their published services, and the public directory. */
export class PartnersService {
  constructor(private readonly em: EntityManager) {}

  /** A page of the directory, newest first. */
  directory(filter: DirectoryFilter, page: PageArgs): Promise<ConnectionResult<Read<Service>>> {
    return paginate(this.em, Service, directoryWhere(filter), page);
  }

  /** A page of a partner's services, newest first: its own members and operators see its private ones too. */
  servicesOf(viewer: Viewer | null, partner: Read<Partner>, page: PageArgs): Promise<ConnectionResult<Read<Service>>> {
    return paginate(this.em, Service, servicesWhere(viewer, partner), page);
  }

  /** Operator: a page of every partner (or those in one status), newest first. */
  async list(viewer: Viewer | null, status: PartnerStatus | null, page: TwoWayPageArgs): Promise<ConnectionResult<Read<Partner>>> {
    requireRole(viewer, Role.OPERATOR);
    return paginate(this.em, Partner, status ? { status } : {}, page);
  }

  async publishService(viewer: Viewer | null, input: unknown): Promise<Service> {
    const data = validate(publishServiceRules, input);
    // A private draft is the partner's own business; a public service needs an onboarded partner.
    const { partner } = data.public ? requireOnboardedPartner(viewer) : requirePartner(viewer);
    const service = this.em.create(Service, {
      partner,
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

/** The directory: what the access policy shows anyone of a service (public, of an onboarded partner). */
function directoryWhere(filter: DirectoryFilter): FilterQuery<Service> {
  const where: FilterQuery<Service> & Record<string, unknown> = {
    public: DIRECTORY_RULE.isPublic,
    partner: { status: DIRECTORY_RULE.partnerStatus },
  };
  if (filter.serviceType) where.serviceType = filter.serviceType;
  if (filter.productCategory) where.productCategories = { $contains: [filter.productCategory] };
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = [{ title: { $ilike: pattern } }, { description: { $ilike: pattern } }, { partner: { name: { $ilike: pattern } } }];
  }
  return where;
}

/** A partner's own members and operators also see its private services; others what the directory shows. */
function servicesWhere(viewer: Viewer | null, partner: Read<Partner>): FilterQuery<Service> {
  if (partnerServicesVisibleTo(viewer, partner.id) === 'all') return { partner: partner.id };
  return { partner: { id: partner.id, status: DIRECTORY_RULE.partnerStatus }, public: DIRECTORY_RULE.isPublic };
}
