import { LeadCloseReason, LeadSource, LeadStatus, PartnerStatus, ProductCategory } from '@slp/shared';
import type { Cell, TableRows } from '../data/copy.js';
import { Random } from '../data/random.js';

/**
 * A synthetic market with a hidden truth: every partner has a quality the platform never sees, and
 * an inquiry's true fit with a partner mixes that quality with category, budget, region and
 * language in a form (multiplicative) unlike the platform's weighted sum. What the platform does see
 * is the partner's profile and a lead history drawn from the hidden quality.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const places = [
  ['Austin', 'US'],
  ['Dallas', 'US'],
  ['New York', 'US'],
  ['Toronto', 'CA'],
  ['London', 'UK'],
  ['Singapore', 'SG'],
  ['Kuala Lumpur', 'MY'],
  ['Jakarta', 'ID'],
] as const;
const languageSets = [['en'], ['en', 'es'], ['en', 'zh'], ['en', 'fr'], ['ms', 'en'], ['id']];
const sellerLanguages = { en: 60, es: 10, zh: 10, fr: 5, ms: 5, id: 5, none: 5 };
const categories = Object.values(ProductCategory).slice(0, 8);
const priceFloors = [300, 500, 1000, 2000, 4000];

export interface SyntheticPartner {
  id: number;
  serviceId: number;
  quality: number;
  categories: ProductCategory[];
  regions: string[];
  city: string;
  country: string;
  languages: string[];
  priceFrom: number;
  priceTo: number;
  capacity: number;
  /**
   * Hidden: the chance that the partner follows up a new lead within the response window at all
   * (otherwise it lets it expire). Drawn from its own seed, so the rest of the market is as before.
   */
  responsiveness: number;
  /** Past leads, all finished, so the record shows and no capacity is taken. */
  history: { status: LeadStatus; createdAt: Date; followedAt: Date | null; dealAt: Date | null }[];
}

export interface SyntheticInquiry {
  id: number;
  category: ProductCategory;
  budget: number;
  city: string;
  country: string;
  language: string | null;
}

export class SyntheticMarket {
  private readonly random: Random;
  readonly partners: SyntheticPartner[] = [];
  readonly inquiries: SyntheticInquiry[] = [];
  private readonly now = Date.now();

  constructor(partners: number, inquiries: number, firstPartnerId: number, firstServiceId: number, firstInquiryId: number, seed = 7) {
    this.random = new Random(seed);
    for (let i = 0; i < partners; i += 1) this.partners.push(this.partner(firstPartnerId + i, firstServiceId + i));
    for (let i = 0; i < inquiries; i += 1) this.inquiries.push(this.inquiry(firstInquiryId + i));
    // From rarely to nearly always (0.05–0.95, 0.41 on average), unrelated to quality: the platform can
    // learn it only from the leads a partner lets expire.
    const hidden = new Random(seed + 1_000);
    for (const p of this.partners) p.responsiveness = 0.05 + 0.9 * hidden.next() ** 1.5;
  }

  /**
   * Whether this partner follows up this inquiry's lead within the window: a fixed draw per pair, so
   * every strategy meets the same behaviour.
   */
  answersInTime(partnerId: number, inquiryId: number): boolean {
    let h = (partnerId * 0x9e3779b1) ^ (inquiryId * 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    const draw = ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
    return draw < this.partners.find((p) => p.id === partnerId)!.responsiveness;
  }

  private partner(id: number, serviceId: number): SyntheticPartner {
    const r = this.random;
    const quality = r.next();
    const [city, country] = r.pick(places);
    const priceFrom = r.pick(priceFloors);
    const served = new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(categories)));
    const regions = r.chance(0.3) ? [...new Set([country, r.pick(places)[1]])] : [];
    const history = Array.from({ length: r.chance(0.2) ? 0 : r.int(1, 30) }, () => this.pastLead(quality));
    return {
      id,
      serviceId,
      quality,
      categories: [...served],
      regions,
      city,
      country,
      languages: r.pick(languageSets),
      priceFrom,
      priceTo: priceFrom * r.int(2, 4),
      capacity: r.int(5, 30),
      responsiveness: 1,
      history,
    };
  }

  /** Better partners follow up more often, sooner, and close more deals. */
  private pastLead(quality: number) {
    const r = this.random;
    const createdAt = new Date(this.now - r.int(40, 200) * DAY);
    if (!r.chance(0.2 + 0.7 * quality)) return { status: LeadStatus.REJECTED, createdAt, followedAt: null, dealAt: null };
    const hours = -Math.log(1 - r.next()) * (2 + 60 * (1 - quality));
    const followedAt = new Date(createdAt.getTime() + hours * HOUR);
    const deal = r.chance(0.1 + 0.5 * quality);
    return {
      status: deal ? LeadStatus.DEAL : LeadStatus.CLOSED,
      createdAt,
      followedAt,
      dealAt: deal ? new Date(followedAt.getTime() + DAY) : null,
    };
  }

  private inquiry(id: number): SyntheticInquiry {
    const r = this.random;
    const [city, country] = r.pick(places);
    const language = r.weighted(sellerLanguages);
    return {
      id,
      category: categories[r.skewed(categories.length)],
      budget: Math.round(Math.exp(Math.log(300) + r.next() * Math.log(60))),
      city,
      country,
      language: language === 'none' ? null : language,
    };
  }

  /** The hidden truth the ranking is judged against. */
  trueFit(p: SyntheticPartner, i: SyntheticInquiry): number {
    if (!p.categories.includes(i.category)) return 0.05 * p.quality;
    const budget = i.budget < p.priceFrom ? (i.budget / p.priceFrom) ** 2 : i.budget > p.priceTo ? 0.8 : 1;
    const region = p.regions.length
      ? p.regions.includes(i.country)
        ? 1
        : 0.1
      : p.city === i.city
        ? 1
        : p.country === i.country
          ? 0.8
          : 0.5;
    const language = i.language == null ? 0.7 : p.languages.includes(i.language) ? 1 : 0.3;
    return (0.25 + 0.75 * p.quality) * Math.sqrt(budget) * region * language;
  }

  /** The partner ids of the truly best `n` for an inquiry (ties to the lower id). */
  trueBest(i: SyntheticInquiry, n: number): number[] {
    return this.partners
      .map((p) => ({ id: p.id, fit: this.trueFit(p, i) }))
      .sort((a, b) => b.fit - a.fit || a.id - b.id)
      .slice(0, n)
      .map((p) => p.id);
  }

  partnerRows(): TableRows {
    return {
      table: 'partners',
      columns: ['id', 'name', 'contact_email', 'location', 'languages', 'status', 'capacity', 'created_at'],
      rows: this.partners.map((p): Cell[] => [
        p.id,
        `Synthetic partner ${p.id}`,
        `p${p.id}@bench.test`,
        `${p.city}, ${p.country}`,
        JSON.stringify(p.languages),
        PartnerStatus.ONBOARDED,
        p.capacity,
        new Date(this.now - 400 * DAY),
      ]),
    };
  }

  serviceRows(serviceType: string): TableRows {
    return {
      table: 'services',
      columns: [
        'id',
        'partner_id',
        'title',
        'service_type',
        'public',
        'product_categories',
        'regions',
        'price_from_amount',
        'price_to_amount',
        'currency',
        'created_at',
      ],
      rows: this.partners.map((p): Cell[] => [
        p.serviceId,
        p.id,
        'Synthetic service',
        serviceType,
        true,
        p.categories,
        JSON.stringify(p.regions),
        p.priceFrom,
        p.priceTo,
        'USD',
        new Date(this.now - 400 * DAY),
      ]),
    };
  }

  /** Past lead k of every partner sits on history inquiry k, so (inquiry, partner) stays unique. */
  historyLeadRows(historyInquiryIds: number[]): TableRows {
    return {
      table: 'leads',
      columns: [
        'inquiry_id',
        'partner_id',
        'service_id',
        'status',
        'source',
        'close_reason',
        'created_at',
        'followed_at',
        'deal_at',
        'closed_at',
        'rejected_at',
      ],
      rows: this.partners.flatMap((p) =>
        p.history.map((lead, k): Cell[] => [
          historyInquiryIds[k],
          p.id,
          p.serviceId,
          lead.status,
          LeadSource.PLATFORM_ASSIGNED,
          lead.status === LeadStatus.CLOSED ? LeadCloseReason.NO_AGREEMENT : null,
          lead.createdAt,
          lead.followedAt,
          lead.dealAt,
          lead.status === LeadStatus.CLOSED ? lead.followedAt : null,
          lead.status === LeadStatus.REJECTED ? lead.createdAt : null,
        ]),
      ),
    };
  }
}

/** 0 when every partner has the same number of leads, towards 1 when a few have them all. */
export function gini(counts: number[]): number {
  const sorted = [...counts].sort((a, b) => a - b);
  const total = sorted.reduce((sum, n) => sum + n, 0);
  if (!total) return 0;
  const weighted = sorted.reduce((sum, n, i) => sum + (2 * (i + 1) - sorted.length - 1) * n, 0);
  return weighted / (sorted.length * total);
}
