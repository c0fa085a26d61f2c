/**
 * Every knob of open-lead matching in one place. Weights add up to 1, so a score is between 0 and 1
 * and each part's share of it reads directly.
 */
export interface MatchingConfig {
  /** How many partners an OPEN inquiry gets: assigned on submit, and the queue's "fewer than" mark. */
  partnersPerInquiry: number;
  weights: {
    productCategory: number;
    budget: number;
    region: number;
    language: number;
    capacity: number;
    trackRecord: number;
    fairSpreading: number;
  };
  trackRecord: {
    /** Bayesian smoothing: a partner's record counts as this many extra leads at the prior values. */
    priorLeads: number;
    /** What a partner without history is assumed to do: a neutral, typical partner. */
    priorFollowUpShare: number;
    priorDealRate: number;
    priorSpeed: number;
    /** Share of decided platform assignments a typical partner lets expire. */
    priorExpiryRate: number;
    /** A typical partner's rating, on the 0–1 scale of (rating − 1) ÷ 4 (0.75 is 4 of 5). */
    priorRating: number;
    /** A median time to follow up of this many hours scores 0.5; faster scores higher. */
    halfSpeedHours: number;
    /** A NEW lead younger than this is not yet held against the follow-up share. */
    graceHours: number;
    /** How the measures make the part's value (they add up to 1). */
    mix: { followUpShare: number; speed: number; onTime: number; dealRate: number; rating: number };
  };
  fairSpreading: {
    /** Platform assignments counted are those of the last so many days. */
    windowDays: number;
    /** This many recent assignments halve the part's value. */
    halfAtAssignments: number;
  };
  /** Value of budget above the service's range: affordable, though the partner may be too small for it. */
  budgetAboveRange: number;
  region: {
    /** A service for every region, from a partner in the seller's country (same city scores 1). */
    sameCountry: number;
    /** A service for every region, from a partner elsewhere. */
    elsewhere: number;
  };
  /** Value when a part cannot be judged (no location, no language, prices not comparable). */
  unknown: number;
}

/** A bad setting stops the start rather than silently matching with another number. */
function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a whole number of 1 or more, not "${value}"`);
  return parsed;
}

export const matchingConfig: MatchingConfig = {
  partnersPerInquiry: positiveInteger('MATCHING_PARTNERS_PER_INQUIRY', 3),
  weights: {
    productCategory: 0.25,
    budget: 0.15,
    region: 0.15,
    language: 0.1,
    capacity: 0.1,
    trackRecord: 0.15,
    fairSpreading: 0.1,
  },
  trackRecord: {
    priorLeads: 5,
    priorFollowUpShare: 0.5,
    priorDealRate: 0.3,
    priorSpeed: 0.5,
    priorExpiryRate: 0.2,
    priorRating: 0.75,
    halfSpeedHours: 24,
    graceHours: 48,
    mix: { followUpShare: 0.2, speed: 0.25, onTime: 0.2, dealRate: 0.2, rating: 0.15 },
  },
  fairSpreading: { windowDays: 30, halfAtAssignments: 5 },
  budgetAboveRange: 0.75,
  region: { sameCountry: 0.75, elsewhere: 0.5 },
  unknown: 0.5,
};
