import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { InquiryStatus, LeadAction, LeadStatus, PartnerStatus, Role, UserErrorCode } from '@slp/shared';
import { DomainError } from '../domain-error.js';
import { requireRole, type Viewer } from '../auth/viewer.js';
import { Partner } from '../partners/partner.entity.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { newLeadEvent, transitionLead, type LeadChange } from '../leads/lead-state-machine.js';
import { writeLeadEvents } from '../leads/lead-writes.js';
import { SellerAuthorization } from './seller-authorization.entity.js';
import { User } from '../auth/user.entity.js';

// No 0/O or 1/I: the seller reads the code out to the partner.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** e.g. "AUTH-7K2Q-9XWM": 40 random bits, unique by constraint. */
export function newAuthorizationCode(): string {
  const group = () => Array.from({ length: 4 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join('');
  return `AUTH-${group()}-${group()}`;
}

/** A seller's grants of shop access to partners. */
export class AuthorizationsService {
  constructor(private readonly em: EntityManager) {}

  mine(viewer: Viewer | null): Promise<SellerAuthorization[]> {
    const seller = requireRole(viewer, Role.SELLER).user;
    return this.em.find(SellerAuthorization, { seller }, { orderBy: { id: 'desc' } });
  }

  /**
   * Grants a partner access and, in the same transaction, moves every lead this partner is
   * following for this seller to a deal with the authorization attached (SPEC section 3).
   */
  async grant(viewer: Viewer | null, partnerId: number): Promise<{ authorization: SellerAuthorization; changes: LeadChange[] }> {
    const seller = requireRole(viewer, Role.SELLER).user;
    return this.em.transactional(async (em) => {
      const partner = await em.findOne(Partner, partnerId);
      if (partner?.status !== PartnerStatus.ONBOARDED) {
        throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such partner', ['partnerId']);
      }
      if (await em.count(SellerAuthorization, { seller, partner, revokedAt: null })) {
        throw DomainError.of(UserErrorCode.CONFLICT, 'This partner already holds a live authorization from you', ['partnerId']);
      }
      const authorization = em.create(SellerAuthorization, {
        authorizationId: newAuthorizationCode(),
        seller: em.getReference(User, seller.id),
        partner,
      });
      // A racing second grant fails here on the one-live-authorization index (reported as CONFLICT).
      await em.flush();
      const changes = (await followingLeads(em, seller.id, partner.id)).map((lead) =>
        transitionLead(lead, LeadAction.AUTHORIZATION_MATCHED, {
          actor: seller,
          apply: (l) => {
            l.authorization = authorization;
          },
        }),
      );
      await writeLeadEvents(
        em,
        changes.flatMap((change) => change.events),
      );
      return { authorization, changes };
    });
  }

  /**
   * Revokes a grant: its code no longer reaches a deal. Deals already reached stay (DEAL is final);
   * their history records the revocation so the partner knows.
   */
  async revoke(viewer: Viewer | null, id: number): Promise<SellerAuthorization> {
    const seller = requireRole(viewer, Role.SELLER).user;
    return this.em.transactional(async (em) => {
      const authorization = await em.findOne(SellerAuthorization, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!authorization || authorization.seller.id !== seller.id) {
        throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such authorization', ['authorizationId']);
      }
      if (authorization.revokedAt) {
        throw DomainError.of(UserErrorCode.INVALID_TRANSITION, 'This authorization is already revoked', ['authorizationId']);
      }
      authorization.revokedAt = new Date();
      const revokedAt = authorization.revokedAt;
      await writeLeadEvents(
        em,
        (await em.find(Lead, { authorization }, { orderBy: { id: 'asc' } })).map((lead) =>
          newLeadEvent(lead, 'AUTHORIZATION_REVOKED', Role.SELLER, seller, revokedAt),
        ),
      );
      return authorization;
    });
  }
}

/** Locked; only active inquiries can have leads being followed. */
async function followingLeads(em: EntityManager, sellerId: number, partnerId: number): Promise<Lead[]> {
  const inquiries = await em.find(Inquiry, { seller: sellerId, status: InquiryStatus.ACTIVE }, { fields: ['id'] });
  if (!inquiries.length) return [];
  return em.find(
    Lead,
    { partner: partnerId, status: LeadStatus.FOLLOWING, inquiry: { $in: inquiries.map((i) => i.id) } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } },
  );
}
