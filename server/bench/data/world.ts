import {
  CompanySize,
  InquiryStatus,
  LeadCloseReason,
  LeadSource,
  LeadStatus,
  PartnerStatus,
  ProductCategory,
  RejectReason,
  RequestType,
  Role,
  ServiceType,
} from '@slp/shared';
import type { Cell, TableRows } from './copy.js';
import { Random } from './random.js';

/** How much data to load; leads and their history follow from the inquiries (about 4 leads each). */
export interface DataSize {
  partners: number;
  inquiries: number;
  sellers: number;
}

export const BENCH_PASSWORD = 'bench-password';
export const OPERATOR_EMAIL = 'operator@bench.test';
export const memberEmail = (partnerId: number, n: number) => `member${n}.partner${partnerId}@bench.test`;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const cities = [
  'Los Angeles, US',
  'New York, US',
  'Dallas, US',
  'Miami, US',
  'Seattle, US',
  'Chicago, US',
  'Toronto, CA',
  'London, UK',
  'Manchester, UK',
  'Singapore, SG',
  'Kuala Lumpur, MY',
  'Jakarta, ID',
];
const languageSets = [['en'], ['en', 'es'], ['en', 'zh'], ['en', 'fr'], ['en', 'ms'], ['id', 'en']];
const serviceTypes = Object.values(ServiceType);
const categories = Object.values(ProductCategory);
const companySizes = Object.values(CompanySize);
const rejectReasons = Object.values(RejectReason);
/** As slp_company_size_rank() ranks them: smallest first, from 1 (the loader checks the two agree). */
const companySizeRank = (size: CompanySize) => companySizes.indexOf(size) + 1;

interface PartnerInfo {
  id: number;
  status: PartnerStatus;
  onboarded: boolean;
  members: number[];
  services: { id: number; type: ServiceType; public: boolean }[];
}
interface LeadPlan {
  status: LeadStatus;
  closeReason: LeadCloseReason | null;
}

/**
 * The benchmark's world, generated row by row from a seed: partners with members and services,
 * sellers, and inquiries whose leads are spread over every status with matching history.
 */
export class World {
  private readonly random: Random;
  private readonly partners: PartnerInfo[] = [];
  private readonly partnersByType = new Map<ServiceType, PartnerInfo[]>();
  private readonly now = Date.now();
  /** User 1 is the operator; partners' members come next, then the sellers. */
  private nextUserId = 2;
  private nextServiceId = 1;
  private nextLeadId = 1;
  private nextEventId = 1;
  private nextAuthorizationId = 1;
  /** A seller grants a partner one live authorization, whatever number of deals it covers. */
  private readonly authorizations = new Map<string, number>();
  readonly firstSellerId: number;

  constructor(
    readonly size: DataSize,
    private readonly passwordHash: string,
    seed = 42,
  ) {
    this.random = new Random(seed);
    for (let id = 1; id <= size.partners; id += 1) this.planPartner(id);
    this.firstSellerId = this.nextUserId;
  }

  private planPartner(id: number) {
    const r = this.random;
    const status = r.weighted({ [PartnerStatus.ONBOARDED]: 92, [PartnerStatus.SUSPENDED]: 5, [PartnerStatus.PENDING]: 3 }) as PartnerStatus;
    const members = Array.from({ length: 1 + (id % 3) }, () => this.nextUserId++);
    const partner: PartnerInfo = { id, status, onboarded: status === PartnerStatus.ONBOARDED, members, services: [] };
    const serviceCount = 1 + (id % 5);
    for (let k = 0; k < serviceCount; k += 1) {
      partner.services.push({ id: this.nextServiceId++, type: serviceTypes[(id * 7 + k) % serviceTypes.length], public: r.chance(0.9) });
    }
    this.partners.push(partner);
    if (!partner.onboarded) return;
    for (const service of partner.services) {
      const list = this.partnersByType.get(service.type) ?? [];
      if (!list.includes(partner)) list.push(partner);
      this.partnersByType.set(service.type, list);
    }
  }

  *partnerRows(): Generator<Cell[]> {
    const r = this.random;
    for (const p of this.partners) {
      yield [
        p.id,
        `Bench Partner ${p.id}`,
        `hello@partner${p.id}.bench.test`,
        r.pick(cities),
        JSON.stringify(r.pick(languageSets)),
        p.status,
        r.int(20, 400),
        new Date(this.now - 400 * DAY),
      ];
    }
  }

  *serviceRows(): Generator<Cell[]> {
    const r = this.random;
    for (const p of this.partners) {
      for (const s of p.services) {
        const from = r.int(5, 40) * 100;
        const serviceCategories = [...new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(categories)))];
        yield [
          s.id,
          p.id,
          `${s.type.toLowerCase().replace(/_/g, ' ')} by partner ${p.id}`,
          'Benchmark service.',
          s.type,
          s.public,
          serviceCategories,
          JSON.stringify(r.chance(0.7) ? [] : [r.pick(cities)]),
          from,
          from + r.int(10, 80) * 100,
          'USD',
          new Date(this.now - 390 * DAY),
        ];
      }
    }
  }

  /** The operator, every partner's members (1 to 3 each), then the sellers. */
  *userRows(): Generator<Cell[]> {
    const created = new Date(this.now - 400 * DAY);
    yield [1, OPERATOR_EMAIL, this.passwordHash, 'Bench Operator', Role.OPERATOR, null, created];
    for (const p of this.partners) {
      for (const [n, id] of p.members.entries()) {
        yield [id, memberEmail(p.id, n + 1), this.passwordHash, `Member ${n + 1} of ${p.id}`, Role.PARTNER, p.id, created];
      }
    }
    for (let n = 0; n < this.size.sellers; n += 1) {
      yield [this.firstSellerId + n, `seller${n + 1}@bench.test`, this.passwordHash, `Seller ${n + 1}`, Role.SELLER, null, created];
    }
  }

  /** Inquiries in id order, oldest first, each with its leads, their history and target services. */
  *inquiryChunks(chunkSize: number): Generator<TableRows[]> {
    for (let first = 1; first <= this.size.inquiries; first += chunkSize) {
      const rows = {
        inquiries: [] as Cell[][],
        targets: [] as Cell[][],
        leads: [] as Cell[][],
        events: [] as Cell[][],
        authorizations: [] as Cell[][],
      };
      for (let id = first; id < first + chunkSize && id <= this.size.inquiries; id += 1) this.inquiry(id, rows);
      yield [
        { table: 'inquiries', columns: inquiryColumns, rows: rows.inquiries },
        { table: 'inquiry_target_services', columns: ['inquiry_id', 'service_id'], rows: rows.targets },
        { table: 'seller_authorizations', columns: authorizationColumns, rows: rows.authorizations },
        { table: 'leads', columns: leadColumns, rows: rows.leads },
        { table: 'lead_events', columns: eventColumns, rows: rows.events },
      ];
    }
  }

  private inquiry(id: number, rows: Record<'inquiries' | 'targets' | 'leads' | 'events' | 'authorizations', Cell[][]>) {
    const r = this.random;
    const recency = id / this.size.inquiries;
    const createdAt = this.now - (1 - recency) * 365 * DAY - r.int(1, 60) * 60_000;
    const sellerId = this.firstSellerId + r.int(0, this.size.sellers - 1);
    const open = r.chance(0.6);
    const serviceType = r.pick(serviceTypes);
    const closed = r.chance(0.25 * (1 - recency) + 0.05);
    const leadCount = r.int(1, 7);
    const chosen = this.choosePartners(open ? (this.partnersByType.get(serviceType) ?? []) : this.partners, leadCount);
    const budget = r.int(5, 200) * 100;
    const closedAt = closed ? new Date(Math.min(this.now, createdAt + r.int(1, 60) * DAY)) : null;
    const location = r.pick(cities);
    const companySize = r.pick(companySizes);
    const shopGmv = budget * r.int(5, 50);
    rows.inquiries.push([
      id,
      sellerId,
      open ? RequestType.OPEN : RequestType.TARGET,
      closed ? InquiryStatus.CLOSED : InquiryStatus.ACTIVE,
      open ? serviceType : null,
      `Contact ${id}`,
      `contact${id}@shop.bench.test`,
      location,
      companySize,
      'USD',
      shopGmv,
      r.chance(0.5) ? budget * r.int(1, 20) : null,
      budget,
      r.pick(categories),
      r.chance(0.5) ? `Product ${id}` : null,
      r.chance(0.3) ? 'Looking for help growing the shop.' : null,
      new Date(createdAt),
      new Date(closedAt ?? createdAt),
      closedAt,
      1,
    ]);
    // The order keys a lead copies from its inquiry (the leads_written trigger's job, off during COPY).
    const keys = [budget, shopGmv, companySizeRank(companySize)];
    for (const partner of chosen) {
      const service = open ? partner.services.find((s) => s.type === serviceType)! : r.pick(partner.services);
      if (!open) rows.targets.push([id, service.id]);
      this.lead(rows, { inquiryId: id, sellerId, partner, serviceId: service.id, open, createdAt, closed, recency, keys });
    }
  }

  private choosePartners(candidates: PartnerInfo[], count: number): PartnerInfo[] {
    const chosen = new Set<PartnerInfo>();
    for (let tries = 0; chosen.size < Math.min(count, candidates.length) && tries < count * 4; tries += 1) {
      const partner = candidates[this.random.skewed(candidates.length)];
      if (partner.onboarded) chosen.add(partner);
    }
    return [...chosen];
  }

  private planLead(closed: boolean, recency: number): LeadPlan {
    const r = this.random;
    const status = closed
      ? (r.weighted({ [LeadStatus.DEAL]: 15, [LeadStatus.REJECTED]: 20, [LeadStatus.CLOSED]: 65 }) as LeadStatus)
      : (r.weighted({
          [LeadStatus.NEW]: 10 + 50 * recency,
          [LeadStatus.FOLLOWING]: 20,
          [LeadStatus.DEAL]: 10,
          [LeadStatus.CLOSED]: 15,
          [LeadStatus.REJECTED]: 20,
        }) as LeadStatus);
    const closeReason = status !== LeadStatus.CLOSED ? null : closed ? LeadCloseReason.SELLER_CLOSED : LeadCloseReason.NO_AGREEMENT;
    return { status, closeReason };
  }

  private lead(
    rows: Record<'leads' | 'events' | 'authorizations', Cell[][]>,
    info: {
      inquiryId: number;
      sellerId: number;
      partner: PartnerInfo;
      serviceId: number;
      open: boolean;
      createdAt: number;
      closed: boolean;
      recency: number;
      keys: Cell[];
    },
  ) {
    const r = this.random;
    const { status, closeReason } = this.planLead(info.closed, info.recency);
    const id = this.nextLeadId++;
    const member = info.partner.members[0];
    const at = (from: number, minHours: number, maxHours: number) => Math.min(this.now - 60_000, from + r.int(minHours, maxHours) * HOUR);
    const created = info.createdAt + (info.open ? r.int(1, 30) * 60_000 : 0);
    const followed =
      [LeadStatus.FOLLOWING, LeadStatus.DEAL].includes(status) ||
      closeReason === LeadCloseReason.NO_AGREEMENT ||
      (closeReason === LeadCloseReason.SELLER_CLOSED && r.chance(0.5))
        ? at(created, 1, 72)
        : null;
    const dealt = status === LeadStatus.DEAL ? at(followed!, 24, 480) : null;
    const ended = status === LeadStatus.CLOSED ? at(followed ?? created, 24, 720) : null;
    const rejected = status === LeadStatus.REJECTED ? at(created, 1, 120) : null;
    const event = (type: string, time: number, role: Role | null, actor: number | null) =>
      rows.events.push([this.nextEventId++, id, type, new Date(time), role, actor]);
    event('CREATED', created, info.open ? null : Role.SELLER, info.open ? null : info.sellerId);
    if (followed) {
      event('FOLLOWED_UP', followed, Role.PARTNER, member);
      event('CONTACT_REVEALED', followed, null, null);
    }
    const authorizationId = dealt ? this.authorization(rows, info.sellerId, info.partner.id, dealt) : null;
    if (dealt) event('COOPERATION_ACCEPTED', dealt, Role.PARTNER, member);
    if (ended) {
      const bySeller = closeReason === LeadCloseReason.SELLER_CLOSED;
      event(bySeller ? 'SELLER_CLOSED' : 'NO_AGREEMENT', ended, bySeller ? Role.SELLER : Role.PARTNER, bySeller ? info.sellerId : member);
    }
    if (rejected) event('REJECTED', rejected, Role.PARTNER, member);
    const rejectReason = rejected ? r.pick(rejectReasons) : null;
    rows.leads.push([
      id,
      info.inquiryId,
      info.partner.id,
      info.serviceId,
      status,
      info.open ? LeadSource.PLATFORM_ASSIGNED : LeadSource.SELLER_TARGETED,
      rejectReason,
      rejectReason === RejectReason.OTHER ? 'Not a fit right now.' : null,
      closeReason,
      authorizationId,
      new Date(created),
      followed && new Date(followed),
      dealt && new Date(dealt),
      ended && new Date(ended),
      rejected && new Date(rejected),
      1,
      new Date(Math.max(created, followed ?? 0, dealt ?? 0, ended ?? 0, rejected ?? 0)),
      ...info.keys,
    ]);
  }

  private authorization(rows: Record<'authorizations', Cell[][]>, sellerId: number, partnerId: number, grantedAt: number): number {
    const key = `${sellerId}:${partnerId}`;
    const known = this.authorizations.get(key);
    if (known) return known;
    const id = this.nextAuthorizationId++;
    this.authorizations.set(key, id);
    rows.authorizations.push([id, `BENCH${String(id).padStart(10, '0')}`, sellerId, partnerId, new Date(grantedAt), null]);
    return id;
  }
}

export const partnerColumns = ['id', 'name', 'contact_email', 'location', 'languages', 'status', 'capacity', 'created_at'];
export const serviceColumns = [
  'id',
  'partner_id',
  'title',
  'description',
  'service_type',
  'public',
  'product_categories',
  'regions',
  'price_from_amount',
  'price_to_amount',
  'currency',
  'created_at',
];
export const userColumns = ['id', 'email', 'password_hash', 'name', 'role', 'partner_id', 'created_at'];
const inquiryColumns = [
  'id',
  'seller_id',
  'request_type',
  'status',
  'service_type',
  'contact_name',
  'contact_email',
  'location',
  'company_size',
  'currency',
  'shop_gmv_amount',
  'other_channels_gmv_amount',
  'budget_amount',
  'product_category',
  'hot_sale_product',
  'other_details',
  'created_at',
  'updated_at',
  'closed_at',
  'version',
];
const authorizationColumns = ['id', 'authorization_id', 'seller_id', 'partner_id', 'granted_at', 'revoked_at'];
const leadColumns = [
  'id',
  'inquiry_id',
  'partner_id',
  'service_id',
  'status',
  'source',
  'reject_reason',
  'reject_note',
  'close_reason',
  'authorization_id',
  'created_at',
  'followed_at',
  'deal_at',
  'closed_at',
  'rejected_at',
  'version',
  'updated_at',
  'budget_amount',
  'shop_gmv_amount',
  'company_size_rank',
];
const eventColumns = ['id', 'lead_id', 'type', 'at', 'actor_role', 'actor_id'];
