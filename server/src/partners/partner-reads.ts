import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import type { PartnerStatus, ProductCategory, ServiceType } from '@slp/shared';
import { DIRECTORY_RULE, partnerServicesVisibleTo } from '../auth/access-policy.js';
import type { Viewer } from '../auth/viewer.js';
import { paginate } from '../db/keyset-pages.js';
import type { Read } from '../db/lean-read.js';
import type { ConnectionResult, PageArgs, TwoWayPageArgs } from '../graphql/connection.js';
import { Partner } from './partner.entity.js';
import { Service } from './service.entity.js';

/** A partner and a service as read (db/lean-read.ts): references as ids; edits load the managed entity. */
export type PartnerRead = Read<Partner>;
export type ServiceRead = Read<Service>;

export interface DirectoryFilter {
  serviceType?: ServiceType | null;
  productCategory?: ProductCategory | null;
  search?: string | null;
}

/** A page of the public directory, newest first. */
export function directoryPage(em: EntityManager, filter: DirectoryFilter, page: PageArgs): Promise<ConnectionResult<ServiceRead>> {
  return paginate(em, Service, directoryWhere(filter), page);
}

/** A page of one partner's services this viewer may see, newest first. */
export function partnerServicesPage(
  em: EntityManager,
  viewer: Viewer | null,
  partnerId: number,
  page: PageArgs,
): Promise<ConnectionResult<ServiceRead>> {
  return paginate(em, Service, servicesWhere(viewer, partnerId), page);
}

/** A page of every partner (or those in one status), newest first. */
export function partnersPage(
  em: EntityManager,
  status: PartnerStatus | null,
  page: TwoWayPageArgs,
): Promise<ConnectionResult<PartnerRead>> {
  return paginate(em, Partner, status ? { status } : {}, page);
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
function servicesWhere(viewer: Viewer | null, partnerId: number): FilterQuery<Service> {
  if (partnerServicesVisibleTo(viewer, partnerId) === 'all') return { partner: partnerId };
  return { partner: { id: partnerId, status: DIRECTORY_RULE.partnerStatus }, public: DIRECTORY_RULE.isPublic };
}
