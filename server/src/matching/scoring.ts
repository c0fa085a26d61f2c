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
  parts: ScorePart[];
  servesCategory: boolean;
  freeCapacity: number;
}

type PartValue = { value: number; explanation: string };

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

function productCategoryPart(needs: InquiryNeeds, c: CandidateFeatures): PartValue {
  const { wanted } = sellerSide(needs);
  if (c.productCategories.includes(needs.productCategory)) return { value: 1, explanation: `Serves ${wanted}` };
  const served = c.productCategories.map(words).join(', ') || 'no listed category';
  return { value: 0, explanation: `Serves ${served}; not ${wanted}` };
}

function budgetPart(needs: InquiryNeeds, c: CandidateFeatures, config: MatchingConfig): PartValue {
  const money = (amount: string) => moneyText(amount, needs.currency);
  const { budget } = sellerSide(needs);
  if (c.priceFrom == null && c.priceTo == null) return { value: config.unknown, explanation: 'No price range published' };
  if (c.serviceCurrency !== needs.currency) {
    return {
      value: config.unknown,
      explanation: `Prices are in ${c.serviceCurrency}, the budget in ${needs.currency}: not comparable without an exchange rate`,
    };
  }
  if (c.priceFrom != null && compareAmounts(needs.budgetAmount, c.priceFrom) < 0) {
    const share = Number(needs.budgetAmount) / Number(c.priceFrom);
    return { value: share, explanation: `Budget ${budget} is ${percent(share)} of the lowest price ${money(c.priceFrom)}` };
  }
  if (c.priceTo != null && compareAmounts(needs.budgetAmount, c.priceTo) > 0) {
    return { value: config.budgetAboveRange, explanation: `Budget ${budget} is above the highest price ${money(c.priceTo)}` };
  }
  const end = (amount: string | null) => (amount == null ? null : { amount, currency: needs.currency });
  return { value: 1, explanation: `Budget ${budget} is within the price range ${formatMoneyRange(end(c.priceFrom), end(c.priceTo))}` };
}

function regionPart(needs: InquiryNeeds, c: CandidateFeatures, config: MatchingConfig): PartValue {
  if (!needs.location) return { value: config.unknown, explanation: 'The seller gave no location' };
  const seller = sellerSide(needs).place;
  if (c.regions.length) {
    const served = c.regions.find((region) => seller.includes(region.trim().toLowerCase()));
    return served
      ? { value: 1, explanation: `Serves ${served}, where the seller is` }
      : { value: 0, explanation: `Serves only ${c.regions.join(', ')}; the seller is in ${needs.location}` };
  }
  if (!c.partnerLocation) return { value: config.unknown, explanation: 'Serves every region; the partner gave no location' };
  const partner = placeParts(c.partnerLocation);
  const sameCountry = partner.at(-1) === seller.at(-1);
  if (sameCountry && partner[0] === seller[0]) return { value: 1, explanation: `Based in ${c.partnerLocation}, the seller's city` };
  if (sameCountry) return { value: config.region.sameCountry, explanation: `Based in ${c.partnerLocation}, the seller's country` };
  return { value: config.region.elsewhere, explanation: `Serves every region; based in ${c.partnerLocation}` };
}

function languagePart(needs: InquiryNeeds, c: CandidateFeatures, config: MatchingConfig): PartValue {
  if (!needs.language) return { value: config.unknown, explanation: 'The seller named no language' };
  if (!c.languages.length) return { value: config.unknown, explanation: 'The partner lists no languages' };
  return c.languages.includes(needs.language)
    ? { value: 1, explanation: `Works in ${needs.language}` }
    : { value: 0, explanation: `Works in ${c.languages.join(', ')}; not ${needs.language}` };
}

function capacityPart(c: CandidateFeatures): PartValue {
  const free = Math.max(0, c.capacity - c.activeLeads);
  const value = c.capacity > 0 ? free / c.capacity : 0;
  return { value, explanation: `${free} of ${c.capacity} lead slots free (${c.activeLeads} NEW or FOLLOWING)` };
}

/**
 * Follow-up share, speed, answering in time (no expiry), deal rate and rating, each pulled toward a
 * typical partner until there is history: a Bayesian average with `priorLeads` imaginary leads (or
 * reviews) at the prior value.
 */
function trackRecordPart(c: CandidateFeatures, config: MatchingConfig): PartValue {
  const { priorLeads: k, mix } = config.trackRecord;
  const p = config.trackRecord;
  const smoothed = (observed: number, count: number, prior: number) => (observed + k * prior) / (count + k);
  const rawSpeed = c.medianHoursToFollowUp == null ? 0 : 1 / (1 + c.medianHoursToFollowUp / p.halfSpeedHours);
  const measures = {
    followUpShare: smoothed(c.followedUp, c.leadsDue, p.priorFollowUpShare),
    speed: smoothed(c.followedUp * rawSpeed, c.followedUp, p.priorSpeed),
    onTime: 1 - smoothed(c.expired, c.assignedDecided, p.priorExpiryRate),
    dealRate: smoothed(c.deals, c.followedUp, p.priorDealRate),
    // Ratings 1–5 as 0–1: (rating − 1) ÷ 4, summed.
    rating: smoothed((c.ratingSum - c.reviewCount) / 4, c.reviewCount, p.priorRating),
  };
  const value = (Object.keys(mix) as (keyof typeof mix)[]).reduce((sum, measure) => sum + mix[measure] * measures[measure], 0);
  if (c.leadsDue === 0 && c.reviewCount === 0) return { value, explanation: 'No leads answered yet: scored as a typical partner' };
  const median = c.medianHoursToFollowUp == null ? 'no follow-ups yet' : `median ${c.medianHoursToFollowUp.toFixed(1)} h to follow up`;
  const rated = c.reviewCount ? `rated ${(c.ratingSum / c.reviewCount).toFixed(1)} from ${c.reviewCount} reviews` : 'no reviews';
  return {
    value,
    explanation:
      `Followed up ${c.followedUp} of ${c.leadsDue} leads, ${median}, ${c.expired} of ${c.assignedDecided} assigned leads expired, ` +
      `${c.deals} deals, ${rated} (smoothed toward a typical partner)`,
  };
}

function fairSpreadingPart(c: CandidateFeatures, config: MatchingConfig): PartValue {
  const { windowDays, halfAtAssignments } = config.fairSpreading;
  return {
    value: 1 / (1 + c.recentAssignments / halfAtAssignments),
    explanation: `${c.recentAssignments} platform-assigned leads in the last ${windowDays} days`,
  };
}

export function scoreCandidate(needs: InquiryNeeds, c: CandidateFeatures, config: MatchingConfig): Recommendation {
  const values: Record<ScoreFactor, PartValue> = {
    productCategory: productCategoryPart(needs, c),
    budget: budgetPart(needs, c, config),
    region: regionPart(needs, c, config),
    language: languagePart(needs, c, config),
    capacity: capacityPart(c),
    trackRecord: trackRecordPart(c, config),
    fairSpreading: fairSpreadingPart(c, config),
  };
  const parts = (Object.keys(values) as ScoreFactor[]).map((factor) => ({
    factor,
    weight: config.weights[factor],
    value: round(values[factor].value),
    explanation: values[factor].explanation,
  }));
  return {
    partnerId: c.partnerId,
    serviceId: c.serviceId,
    score: round(parts.reduce((sum, part) => sum + part.weight * part.value, 0)),
    parts,
    servesCategory: values.productCategory.value === 1,
    freeCapacity: Math.max(0, c.capacity - c.activeLeads),
  };
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
