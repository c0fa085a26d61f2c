import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadStatus, Role, UserErrorCode, hideReviewRules, reviewPartnerRules } from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { requireRole, type Viewer } from '../auth/viewer.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { lockLead } from '../leads/lead-state-machine.js';
import type { LeadRead } from '../leads/lead-reads.js';
import { PartnerReview } from './partner-review.entity.js';
import { partnerReviewsPage, type PartnerReviewRead } from './review-reads.js';
import type { ConnectionResult, PageArgs } from '../graphql/connection.js';
import { User } from '../auth/user.entity.js';

export interface ReviewPartnerData {
  leadId: number;
  rating: number;
  comment?: string | null;
}
export interface HideReviewData {
  reviewId: number;
  reason: string;
}

const noSuchLead = () => DomainError.of(UserErrorCode.NOT_FOUND, 'No such lead', ['leadId']);

/** Reviews of partners by the sellers they reached a deal with (SPEC section 6a). */
export class ReviewsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The seller of a lead that reached DEAL reviews its partner, once per lead: the same lead again
   * edits the review. Nobody else may, the partner included. The lead is locked, so two submits of
   * one seller never make two reviews.
   */
  async review(viewer: Viewer | null, input: ReviewPartnerData): Promise<PartnerReview> {
    const seller = requireRole(viewer, Role.SELLER).user;
    const { rating, comment } = validate(reviewPartnerRules, { rating: input.rating, comment: input.comment });
    return this.em.transactional(async (em) => {
      const lead = await lockLead(em, input.leadId);
      if (!lead || (await em.findOneOrFail(Inquiry, lead.inquiry.id)).seller.id !== seller.id) throw noSuchLead();
      if (lead.status !== LeadStatus.DEAL) {
        throw DomainError.of(UserErrorCode.INVALID, `Only a lead that reached a deal can be reviewed; this one is ${lead.status}`, [
          'leadId',
        ]);
      }
      const review = await em.findOne(PartnerReview, { lead });
      if (review) return Object.assign(review, { rating, comment, updatedAt: new Date() });
      return em.create(PartnerReview, { lead, partner: lead.partner, author: em.getReference(User, seller.id), rating, comment });
    });
  }

  /** Operator: hides an abusive review with a reason; it no longer shows or counts. */
  async hide(viewer: Viewer | null, input: HideReviewData): Promise<PartnerReview> {
    const operator = requireRole(viewer, Role.OPERATOR).user;
    const { reason } = validate(hideReviewRules, { reason: input.reason });
    return this.em.transactional(async (em) => {
      const review = await em.findOne(PartnerReview, input.reviewId);
      if (!review) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such review', ['reviewId']);
      if (review.hiddenAt) throw DomainError.of(UserErrorCode.INVALID, 'This review is already hidden', ['reviewId']);
      return Object.assign(review, { hiddenAt: new Date(), hiddenReason: reason, hiddenBy: em.getReference(User, operator.id) });
    });
  }

  /** The seller's review of a lead, once written: only a lead that reached a deal has one (the others read nothing). */
  ofLead(lead: LeadRead): Promise<PartnerReview | null> | null {
    return lead.status === LeadStatus.DEAL ? this.em.findOne(PartnerReview, { lead: lead.id }) : null;
  }

  /** A page of a partner's reviews this viewer may see, newest first. */
  reviewsOf(viewer: Viewer | null, partnerId: number, page: PageArgs): Promise<ConnectionResult<PartnerReviewRead>> {
    return partnerReviewsPage(this.em, viewer, partnerId, page);
  }
}
