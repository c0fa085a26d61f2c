import { PartnerStatus, Role, UserErrorCode, type ApiTokenScope } from '@slp/shared';
import { DomainError } from '../domain-error.js';
import type { User } from './user.entity.js';
import type { Partner } from '../partners/partner.entity.js';
import type { Read } from '../db/lean-read.js';
import { partnerMayAct } from './access-policy.js';

/**
 * Who is making a request, as read (a write refers to the user with `em.getReference`): a logged-in user and, for a partner's member, its organisation. A request
 * with a partner's API token is that member's, limited to the token's scope.
 */
export interface Viewer {
  user: Read<User>;
  partner: Read<Partner> | null;
  apiToken?: { id: number; scope: ApiTokenScope };
}

export function viewerOf(user: User): Viewer {
  return { user, partner: user.partner ?? null };
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw DomainError.of(UserErrorCode.UNAUTHENTICATED, 'Log in first');
  return viewer;
}

export function requireRole(viewer: Viewer | null, role: Role): Viewer {
  const known = requireViewer(viewer);
  if (known.user.role !== role) {
    const article = role === Role.OPERATOR ? 'an' : 'a';
    throw DomainError.of(UserErrorCode.FORBIDDEN, `Only ${article} ${role.toLowerCase()} can do this`);
  }
  return known;
}

/** A partner member's organisation: every member works the same leads. */
export function requirePartner(viewer: Viewer | null): Viewer & { partner: Read<Partner> } {
  const known = requireRole(viewer, Role.PARTNER);
  if (!known.partner) throw DomainError.of(UserErrorCode.FORBIDDEN, 'This account belongs to no partner');
  return known as Viewer & { partner: Read<Partner> };
}

const notOnboarded: Record<Exclude<PartnerStatus, PartnerStatus.ONBOARDED>, string> = {
  [PartnerStatus.PENDING]: 'Your organisation is awaiting onboarding by the platform, so it cannot do this yet',
  [PartnerStatus.SUSPENDED]: 'The platform has suspended your organisation, so it cannot do this',
};

/** Lead actions, public services and API tokens need an onboarded partner (SPEC section 4). */
export function requireOnboardedPartner(viewer: Viewer | null): Viewer & { partner: Read<Partner> } {
  const member = requirePartner(viewer);
  const status = member.partner.status as PartnerStatus;
  if (!partnerMayAct(status)) throw DomainError.of(UserErrorCode.FORBIDDEN, notOnboarded[status as keyof typeof notOnboarded]);
  return member;
}

export function isOperator(viewer: Viewer | null): boolean {
  return viewer?.user.role === Role.OPERATOR;
}

export function isMemberOf(viewer: Viewer | null, partnerId: number): boolean {
  return viewer?.partner?.id === partnerId;
}
