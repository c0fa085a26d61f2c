import { compareAmounts, formatMoney, formatMoneyRange } from '@slp/shared';
import type { MatchingConfig } from './matching.config.js';

/**
 * Pure scoring: no database, no clock. Each part is a value from 0 to 1 with a sentence saying why;
 * the score is the weighted sum. The SQL that gathers the features lives in candidate-features.ts.
 */

/** What an OPEN inquiry asks for, as matching sees it. */
export interface InquiryNeeds {
  productCategory: string;
  budgetAmount: string;
  currency: string;
  location: string | null;
  language: string | null;
}

/** One service of the wanted type from one eligible partner, with the partner's record. */
export interface CandidateFeatures {
  partnerId: number;
  serviceId: number;
  productCategories: string[];
  regions: string[];
  priceFrom: string | null;
  priceTo: string | null;
  serviceCurrency: string | null;
  partnerLocation: string | null;
  languages: string[];
  capacity: number;
  /** NEW and FOLLOWING leads the partner holds now. */
  activeLeads: number;
  /** Leads the partner should have answered by now (acted on, or NEW past the grace period). */
  leadsDue: number;
  followedUp: number;
  deals: number;
  medianHoursToFollowUp: number | null;
  /** Platform-assigned leads past NEW, and how many of them expired unanswered (response deadlines). */
  assignedDecided: number;
  expired: number;
  /** The partner's visible reviews: how many, and the sum of their ratings (1–5). */
  reviewCount: number;
  ratingSum: number;
  /** Platform-assigned leads in the fair-spreading window. */
  recentAssignments: number;
}

export type ScoreFactor = keyof MatchingConfig['weights'];

export interface ScorePart {
  factor: ScoreFactor;
  weight: number;
  value: number;
  explanation: string;
}

export interface Recommendation {
  partnerId: number;
  serviceId: number;
  score: number;
  /** Every part with its reason; the sentences are written when this is read, not while ranking. */
  readonly parts: ScorePart[];
  servesCategory: boolean;
  freeCapacity: number;
}

/**
 * A part's value and its reason in words. The reason is written only when `say` is set (a list an
 * operator reads); ranking on submit scores hundreds of candidates and reads none, so it gets ''.
 */
type PartValue = { value: number; explanation: string };
type Part = (needs: InquiryNeeds, c: CandidateFeatures, config: MatchingConfig, say: boolean) => PartValue;

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const words = (code: string) => code.toLowerCase().replace(/_/g, ' ');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const moneyText = (amount: string, currency: string) => formatMoney({ amount, currency });
const placeParts = (place: string) =>
  place
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);

/** What every candidate is compared with, worked out once per inquiry rather than once per candidate. */
interface SellerSide {
  wanted: string;
  budget: string;
  place: string[];
}
const sellerSides = new WeakMap<InquiryNeeds, SellerSide>();

function sellerSide(needs: InquiryNeeds): SellerSide {
  let side = sellerSides.get(needs);
  if (!side) {
    side = {
      wanted: words(needs.productCategory),
      budget: moneyText(needs.budgetAmount, needs.currency),
      place: placeParts(needs.location ?? ''),
    };
    sellerSides.set(needs, side);
  }
  return side;
}

const productCategoryPart: Part = (needs, c, _config, say) => {
  const { wanted } = sellerSide(needs);
  if (c.productCategories.includes(needs.productCategory)) return { value: 1, explanation: say ? `Serves ${wanted}` : '' };
  return { value: 0, explanation: say ? `Serves ${c.productCategories.map(words).join(', ') || 'no listed category'}; not ${wanted}` : '' };
};

const budgetPart: Part = (needs, c, config, say) => {
  const { priceFrom: from, priceTo: to, serviceCurrency } = c;
  const { budget } = sellerSide(needs);
  if (from == null && to == null) return { value: config.unknown, explanation: say ? 'No price range published' : '' };
  if (serviceCurrency !== needs.currency) {
    const why = `Prices are in ${serviceCurrency}, the budget in ${needs.currency}: not comparable without an exchange rate`;
    return { value: config.unknown, explanation: say ? why : '' };
  }
  if (from != null && compareAmounts(needs.budgetAmount, from) < 0) {
    const share = Number(needs.budgetAmount) / Number(from);
    const why = say ? `Budget ${budget} is ${percent(share)} of the lowest price ${moneyText(from, needs.currency)}` : '';
    return { value: share, explanation: why };
  }
  if (to != null && compareAmounts(needs.budgetAmount, to) > 0) {
    const why = say ? `Budget ${budget} is above the highest price ${moneyText(to, needs.currency)}` : '';
    return { value: config.budgetAboveRange, explanation: why };
  }
  return { value: 1, explanation: say ? `Budget ${budget} is within the price range ${rangeText(from, to, needs.currency)}` : '' };
};

const rangeText = (from: string | null, to: string | null, currency: string) =>
  formatMoneyRange(from == null ? null : { amount: from, currency }, to == null ? null : { amount: to, currency });

const regionPart: Part = (needs, c, config, say) => {
  if (!needs.location) return { value: config.unknown, explanation: say ? 'The seller gave no location' : '' };
  const seller = sellerSide(needs).place;
  if (c.regions.length) {
    const served = servedRegion(c.regions, seller);
    if (served) return { value: 1, explanation: say ? `Serves ${served}, where the seller is` : '' };
    return { value: 0, explanation: say ? `Serves only ${c.regions.join(', ')}; the seller is in ${needs.location}` : '' };
  }
  const based = c.partnerLocation;
  if (!based) return { value: config.unknown, explanation: say ? 'Serves every region; the partner gave no location' : '' };
  const partner = placeParts(based);
  const sameCountry = partner.at(-1) === seller.at(-1);
  if (sameCountry && partner[0] === seller[0]) return { value: 1, explanation: say ? `Based in ${based}, the seller's city` : '' };
  if (sameCountry) return { value: config.region.sameCountry, explanation: say ? `Based in ${based}, the seller's country` : '' };
  return { value: config.region.elsewhere, explanation: say ? `Serves every region; based in ${based}` : '' };
};

function servedRegion(regions: string[], seller: string[]): string | undefined {
  for (const region of regions) if (seller.includes(region.trim().toLowerCase())) return region;
  return undefined;
}

const languagePart: Part = (needs, c, config, say) => {
  const wanted = needs.language;
  if (!wanted) return { value: config.unknown, explanation: say ? 'The seller named no language' : '' };
  if (!c.languages.length) return { value: config.unknown, explanation: say ? 'The partner lists no languages' : '' };
  if (c.languages.includes(wanted)) return { value: 1, explanation: say ? `Works in ${wanted}` : '' };
  return { value: 0, explanation: say ? `Works in ${c.languages.join(', ')}; not ${wanted}` : '' };
};

/** Lead slots the partner has free: its capacity less the NEW and FOLLOWING leads it holds. */
const freeSlots = (c: CandidateFeatures) => Math.max(0, c.capacity - c.activeLeads);

const capacityPart: Part = (_needs, c, _config, say) => {
  const free = freeSlots(c);
  const value = c.capacity > 0 ? free / c.capacity : 0;
  return { value, explanation: say ? `${free} of ${c.capacity} lead slots free (${c.activeLeads} NEW or FOLLOWING)` : '' };
};

/** A Bayesian average: `observed` over `count`, with `k` imaginary ones at the prior value. */
const smoothed = (observed: number, count: number, prior: number, k: number) => (observed + k * prior) / (count + k);

/**
 * Follow-up share, speed, answering in time (no expiry), deal rate and rating, each pulled toward a
 * typical partner until there is history: a Bayesian average with `priorLeads` imaginary leads (or
 * reviews) at the prior value.
 */
const trackRecordPart: Part = (_needs, c, config, say) => {
  const p = config.trackRecord;
  const k = p.priorLeads;
  const rawSpeed = c.medianHoursToFollowUp == null ? 0 : 1 / (1 + c.medianHoursToFollowUp / p.halfSpeedHours);
  const value =
    p.mix.followUpShare * smoothed(c.followedUp, c.leadsDue, p.priorFollowUpShare, k) +
    p.mix.speed * smoothed(c.followedUp * rawSpeed, c.followedUp, p.priorSpeed, k) +
    p.mix.onTime * (1 - smoothed(c.expired, c.assignedDecided, p.priorExpiryRate, k)) +
    p.mix.dealRate * smoothed(c.deals, c.followedUp, p.priorDealRate, k) +
    // Ratings 1–5 as 0–1: (rating − 1) ÷ 4, summed.
    p.mix.rating * smoothed((c.ratingSum - c.reviewCount) / 4, c.reviewCount, p.priorRating, k);
  if (!say) return { value, explanation: '' };
  if (c.leadsDue === 0 && c.reviewCount === 0) return { value, explanation: 'No leads answered yet: scored as a typical partner' };
  return { value, explanation: trackRecordText(c) };
};

function trackRecordText(c: CandidateFeatures): string {
  const median = c.medianHoursToFollowUp == null ? 'no follow-ups yet' : `median ${c.medianHoursToFollowUp.toFixed(1)} h to follow up`;
  const rated = c.reviewCount ? `rated ${(c.ratingSum / c.reviewCount).toFixed(1)} from ${c.reviewCount} reviews` : 'no reviews';
  return (
    `Followed up ${c.followedUp} of ${c.leadsDue} leads, ${median}, ${c.expired} of ${c.assignedDecided} assigned leads expired, ` +
    `${c.deals} deals, ${rated} (smoothed toward a typical partner)`
  );
}

const fairSpreadingPart: Part = (_needs, c, config, say) => {
  const { windowDays, halfAtAssignments } = config.fairSpreading;
  const value = 1 / (1 + c.recentAssignments / halfAtAssignments);
  return { value, explanation: say ? `${c.recentAssignments} platform-assigned leads in the last ${windowDays} days` : '' };
};

const partOf: Record<ScoreFactor, Part> = {
  productCategory: productCategoryPart,
  budget: budgetPart,
  region: regionPart,
  language: languagePart,
  capacity: capacityPart,
  trackRecord: trackRecordPart,
  fairSpreading: fairSpreadingPart,
};

const factors = Object.keys(partOf) as ScoreFactor[];

/** A scored candidate: the numbers at once, the sentences of its parts only when read. */
class ScoredCandidate implements Recommendation {
  readonly partnerId: number;
  readonly serviceId: number;
  readonly score: number;
  readonly servesCategory: boolean;
  readonly freeCapacity: number;

  constructor(
    private readonly needs: InquiryNeeds,
    private readonly candidate: CandidateFeatures,
    private readonly config: MatchingConfig,
  ) {
    let score = 0;
    for (const factor of factors) score += config.weights[factor] * round(partOf[factor](needs, candidate, config, false).value);
    this.partnerId = candidate.partnerId;
    this.serviceId = candidate.serviceId;
    this.score = round(score);
    // The category part's own rule, not a second reading of the service's categories.
    this.servesCategory = productCategoryPart(needs, candidate, config, false).value === 1;
    this.freeCapacity = freeSlots(candidate);
  }

  get parts(): ScorePart[] {
    return factors.map((factor) => {
      const { value, explanation } = partOf[factor](this.needs, this.candidate, this.config, true);
      return { factor, weight: this.config.weights[factor], value: round(value), explanation };
    });
  }
}

export function scoreCandidate(needs: InquiryNeeds, c: CandidateFeatures, config: MatchingConfig): Recommendation {
  return new ScoredCandidate(needs, c, config);
}

/** Best service per partner, best partner first; equal scores go to the lower id, so the order is stable. */
export function rankCandidates(needs: InquiryNeeds, candidates: CandidateFeatures[], config: MatchingConfig): Recommendation[] {
  const best = new Map<number, Recommendation>();
  for (const candidate of candidates) {
    const scored = scoreCandidate(needs, candidate, config);
    const held = best.get(scored.partnerId);
    if (!held || scored.score > held.score || (scored.score === held.score && scored.serviceId < held.serviceId)) {
      best.set(scored.partnerId, scored);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.partnerId - b.partnerId);
}

/**
 * Who the platform assigns on its own: the best-ranked partners that serve the product category and
 * have a free lead slot. Anyone else eligible is left to an operator's judgement.
 */
export function pickForAssignment(ranked: Recommendation[], count: number): Recommendation[] {
  return ranked.filter((r) => r.servesCategory && r.freeCapacity > 0).slice(0, count);
}
