import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CompanySize,
  ContactAccess,
  LeadOrderField,
  LeadSource,
  LeadStatus,
  OrderDirection,
  ProductCategory,
  ServiceType,
  UserErrorCode,
  formatAmount,
} from '@slp/shared';
import { GraphQLError } from 'graphql';
import { accessPolicy, type InquiryFacts } from '../auth/access-policy.js';
import type { Viewer } from '../auth/viewer.js';
import { exportRefusal } from '../api-tokens/token-scope.js';
import { leanMapper } from '../db/lean-read.js';
import { pgArray } from '../db/pg-array.js';
import { SqlConditions } from '../db/sql.js';
import { DomainError } from '../domain-error.js';
import { toGlobalId } from '../graphql/node.js';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { DEFAULT_LEAD_ORDER, leadPageOrder, type LeadOrderData } from '../leads/lead-order.js';
import { LeadsService, type LeadFilterData } from '../leads/leads.service.js';
import type { Partner } from '../partners/partner.entity.js';
import { csvRecord, type CsvValue } from './csv.js';
import type { LeadRead } from '../leads/lead-reads.js';
import type { InquiryRead } from '../inquiries/inquiry-reads.js';

/** What an export lists: the arguments of the `leads` query, without paging (it is every row). */
export interface LeadExportRequest {
  status: LeadStatus;
  filter: LeadFilterData;
  orderBy: LeadOrderData;
  search: string | null;
}

const invalid = (message: string, field: string) => DomainError.of(UserErrorCode.INVALID, message, [field]);

function oneOf<T extends string>(name: string, value: string, values: Record<string, T>): T {
  const allowed = Object.values(values);
  if (!allowed.includes(value as T)) throw invalid(`${name} must be one of ${allowed.join(', ')}`, name);
  return value as T;
}

/** A GraphQL scalar's own parsing, so a query parameter means what the same `leads` argument means. */
function scalar<T>(name: string, value: string, parse: (value: unknown) => T): T {
  try {
    return parse(value);
  } catch (error) {
    throw invalid(`${name}: ${error instanceof GraphQLError ? error.message : 'not a valid value'}`, name);
  }
}

const enumParams: Record<string, Record<string, string>> = {
  serviceType: ServiceType,
  productCategory: ProductCategory,
  companySize: CompanySize,
  source: LeadSource,
};
const PARAMS = new Set(['status', 'orderBy', 'direction', 'search', 'budgetMin', 'budgetMax', 'updatedAfter', ...Object.keys(enumParams)]);

/**
 * The query string of `GET /export/leads.csv` as the `leads` query's arguments: `status` (required),
 * the filter's fields by name, `orderBy` (a LeadOrderField) with `direction`, `search`. Unknown or
 * repeated parameters are refused, so a typo never silently exports more than was meant.
 */
export function parseLeadExportQuery(query: Record<string, unknown>): LeadExportRequest {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMS.has(name)) throw invalid(`Unknown parameter ${name}; known: ${[...PARAMS].join(', ')}`, name);
    if (typeof value !== 'string') throw invalid(`${name} must be given once`, name);
    if (value !== '') values[name] = value;
  }
  if (!values.status) throw invalid(`status is required: one of ${Object.values(LeadStatus).join(', ')}`, 'status');
  const filter: LeadFilterData = {};
  for (const [name, type] of Object.entries(enumParams)) {
    if (values[name]) (filter as Record<string, string>)[name] = oneOf(name, values[name], type);
  }
  if (values.budgetMin) filter.budgetMin = scalar('budgetMin', values.budgetMin, (v) => DecimalScalar.parseValue(v));
  if (values.budgetMax) filter.budgetMax = scalar('budgetMax', values.budgetMax, (v) => DecimalScalar.parseValue(v));
  if (values.updatedAfter) filter.updatedAfter = scalar('updatedAfter', values.updatedAfter, (v) => DateTimeScalar.parseValue(v) as Date);
  if (values.direction && !values.orderBy) throw invalid('direction needs orderBy', 'direction');
  const orderBy = values.orderBy
    ? {
        field: oneOf('orderBy', values.orderBy, LeadOrderField),
        direction: values.direction ? oneOf('direction', values.direction, OrderDirection) : OrderDirection.DESC,
      }
    : DEFAULT_LEAD_ORDER;
  return { status: oneOf('status', values.status, LeadStatus), filter, orderBy, search: values.search ?? null };
}

/** Who may export: a partner's member (the access policy), with a session or a token whose scope allows it. */
export function requireExporter(viewer: Viewer | null): Viewer & { partner: Partner } {
  if (!viewer) throw DomainError.of(UserErrorCode.UNAUTHENTICATED, 'Log in, or send an API token as "Authorization: Bearer <token>"');
  if (!accessPolicy.leadExport(viewer)) throw DomainError.of(UserErrorCode.FORBIDDEN, "Only a partner's members can export its leads");
  const refusal = exportRefusal(viewer.apiToken?.scope);
  if (refusal) throw DomainError.of(UserErrorCode.FORBIDDEN, refusal);
  return viewer as Viewer & { partner: Partner };
}

/** A row of the export as read: the lead, its inquiry, and what is joined to it. */
interface ExportRow {
  lead: LeadRead;
  inquiry: InquiryRead | undefined;
  services: string | null;
  authorizationId: string | null;
}

const time = (value: Date | null | undefined) => value?.toISOString() ?? null;
const amount = (value: string | null | undefined, currency: string) => (value == null ? null : formatAmount(value, currency));

/**
 * The columns, each with what it reads. Every column the `leads` query shows a partner; the
 * business profile only where the access policy shows it (`accessPolicy.inquiry`), the contact only
 * where `accessPolicy.contact` says VISIBLE, the partner's notes and the deal's authorization under
 * their own rules: the same verdicts the schema's field guards give.
 */
interface Verdicts {
  profile: boolean;
  contact: ContactAccess;
  notes: boolean;
  authorization: boolean;
}
type Column = [header: string, read: (row: ExportRow, may: Verdicts) => CsvValue];

const profile =
  (read: (inquiry: InquiryRead) => CsvValue): Column[1] =>
  ({ inquiry }, may) =>
    may.profile && inquiry ? read(inquiry) : null;

export const LEAD_EXPORT_COLUMNS: readonly Column[] = [
  ['id', ({ lead }) => toGlobalId('Lead', lead.id)],
  ['status', ({ lead }) => lead.status],
  ['source', ({ lead }) => lead.source],
  ['createdAt', ({ lead }) => time(lead.createdAt)],
  ['updatedAt', ({ lead }) => time(lead.updatedAt)],
  ['respondBy', ({ lead }) => time(lead.respondBy)],
  ['followedAt', ({ lead }) => time(lead.followedAt)],
  ['dealAt', ({ lead }) => time(lead.dealAt)],
  ['closedAt', ({ lead }) => time(lead.closedAt)],
  ['closeReason', ({ lead }) => lead.closeReason],
  ['rejectedAt', ({ lead }) => time(lead.rejectedAt)],
  ['rejectReason', ({ lead }, may) => (may.notes ? lead.rejectReason : null)],
  ['rejectNote', ({ lead }, may) => (may.notes ? lead.rejectNote : null)],
  ['closeNote', ({ lead }, may) => (may.notes ? lead.closeNote : null)],
  ['services', ({ services }) => services],
  ['authorizationId', ({ authorizationId }, may) => (may.authorization ? authorizationId : null)],
  ['inquiryId', profile((inquiry) => toGlobalId('Inquiry', inquiry.id))],
  ['requestType', profile((inquiry) => inquiry.requestType)],
  ['inquiryStatus', profile((inquiry) => inquiry.status)],
  ['serviceType', profile((inquiry) => inquiry.serviceType)],
  ['productCategory', profile((inquiry) => inquiry.productCategory)],
  ['companySize', profile((inquiry) => inquiry.companySize)],
  ['location', profile((inquiry) => inquiry.location)],
  ['language', profile((inquiry) => inquiry.language)],
  ['currency', profile((inquiry) => inquiry.currency)],
  ['budget', profile((inquiry) => amount(inquiry.budgetAmount, inquiry.currency))],
  ['shopGmv', profile((inquiry) => amount(inquiry.shopGmvAmount, inquiry.currency))],
  ['otherChannelsGmv', profile((inquiry) => amount(inquiry.otherChannelsGmvAmount, inquiry.currency))],
  ['hotSaleProduct', profile((inquiry) => inquiry.hotSaleProduct)],
  ['otherDetails', profile((inquiry) => inquiry.otherDetails)],
  ['inquiryCreatedAt', profile((inquiry) => time(inquiry.createdAt))],
  ['inquiryUpdatedAt', profile((inquiry) => time(inquiry.updatedAt))],
  ['contactAccess', (_row, may) => may.contact],
  ['contactName', ({ inquiry }, may) => (may.contact === ContactAccess.VISIBLE ? inquiry?.contactName : null)],
  ['contactEmail', ({ inquiry }, may) => (may.contact === ContactAccess.VISIBLE ? inquiry?.contactEmail : null)],
];

export const LEAD_EXPORT_HEADER = csvRecord(LEAD_EXPORT_COLUMNS.map(([header]) => header));

function verdictsFor(viewer: Viewer, { lead, inquiry }: ExportRow): Verdicts {
  const sellerId = inquiry?.seller.id ?? 0;
  const facts: InquiryFacts = {
    sellerId,
    viewerLead: { partnerId: lead.partner.id, status: lead.status, closeReason: lead.closeReason ?? null },
  };
  return {
    profile: accessPolicy.inquiry(viewer, facts),
    contact: accessPolicy.contact(viewer, facts),
    notes: accessPolicy.partnerNotes(viewer, { partnerId: lead.partner.id }),
    authorization: accessPolicy.authorization(viewer, { sellerId, partnerId: lead.partner.id }),
  };
}

export function exportRecord(viewer: Viewer, row: ExportRow): string {
  const may = verdictsFor(viewer, row);
  return csvRecord(LEAD_EXPORT_COLUMNS.map(([, read]) => read(row, may)));
}

/** The download's file name: the tab and the day, e.g. leads-following-2026-12-01.csv. */
export function exportFileName(request: LeadExportRequest, now = new Date()): string {
  return `leads-${request.status.toLowerCase()}-${now.toISOString().slice(0, 10)}.csv`;
}

type Raw = Record<string, unknown>;

/**
 * A tab as CSV, prepared: `leadsWhere` and `leadPageOrder` (the `leads` query's own listing and
 * order, under the access policy) are built at once, so a refusal comes before anything is sent.
 * `chunks()` then yields the header and one piece of CSV per keyset page of `chunkRows` leads, each
 * read only when the previous one has been taken: memory stays flat however long the tab is, and a
 * client that reads slowly holds no database connection between pages.
 */
export function prepareLeadExport(em: EntityManager, viewer: Viewer | null, request: LeadExportRequest, chunkRows: number) {
  const member = requireExporter(viewer);
  const where = new LeadsService(em).leadsWhere(member, request.status, request.filter, request.search);
  const order = leadPageOrder(member, request.orderBy);
  const toLead = leanMapper(em, Lead);
  const toInquiry = leanMapper(em, Inquiry);
  const connection = em.getConnection();
  const comparison = order.direction === 'desc' ? '<' : '>';

  async function page(after: { key: string; id: number } | null): Promise<{ rows: ExportRow[]; last: { key: string; id: number } | null }> {
    const conditions = new SqlConditions().add(where.sql, ...where.params);
    if (after) conditions.add(`(${order.key}, l.id) ${comparison} (?::${order.keyType}, ?)`, after.key, after.id);
    const condition = conditions.all();
    const raws = await connection.execute<Raw[]>(
      `select l.*, (${order.key})::text as "export:key", a.authorization_id as "export:authorization",
         (select string_agg(s.title, '; ' order by s.id = l.service_id desc, s.id) from services s
           where s.partner_id = l.partner_id and (s.id = l.service_id
             or exists (select 1 from inquiry_target_services t where t.inquiry_id = l.inquiry_id and t.service_id = s.id))) as "export:services"
       from leads l left join seller_authorizations a on a.id = l.authorization_id
       where ${condition.sql} order by ${order.key} ${order.direction}, l.id ${order.direction} limit ?`,
      [...condition.params, chunkRows],
    );
    if (!raws.length) return { rows: [], last: null };
    const inquiryIds = [...new Set(raws.map((raw) => Number(raw.inquiry_id)))];
    const inquiries = new Map(
      (await connection.execute<Raw[]>('select * from inquiries where id = any(?::int[])', [pgArray(inquiryIds)])).map((raw) => {
        const inquiry = toInquiry(raw);
        return [inquiry.id, inquiry] as const;
      }),
    );
    const rows = raws.map((raw) => {
      const lead = toLead(raw);
      return {
        lead,
        inquiry: inquiries.get(lead.inquiry.id),
        services: raw['export:services'] as string | null,
        authorizationId: raw['export:authorization'] as string | null,
      };
    });
    const lastRaw = raws.at(-1)!;
    return { rows, last: raws.length < chunkRows ? null : { key: String(lastRaw['export:key']), id: Number(lastRaw.id) } };
  }

  return {
    fileName: exportFileName(request),
    async *chunks(): AsyncGenerator<string> {
      yield LEAD_EXPORT_HEADER;
      let after: { key: string; id: number } | null = null;
      do {
        const { rows, last }: Awaited<ReturnType<typeof page>> = await page(after);
        if (rows.length) yield rows.map((row) => exportRecord(member, row)).join('');
        after = last;
      } while (after);
    },
  };
}
