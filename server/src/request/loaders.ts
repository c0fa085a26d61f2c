import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { BatchedReads } from '../db/batched-reads.js';
import type { Read } from '../db/lean-read.js';
import type { Maybe } from '../graphql/maybe.js';

type WithId = { id: number };

/**
 * A DataLoader that hands back what it already holds as a plain value (`get`): a page that loaded
 * its leads' inquiries up front then completes without a promise per field (graphql/maybe.ts).
 */
export class HeldLoader<V> {
  private readonly held = new Map<number, V>();
  private readonly loader: DataLoader<number, V>;

  constructor(private readonly batch: (ids: readonly number[]) => Promise<V[]>) {
    this.loader = new DataLoader(async (ids) => this.store(ids, await batch(ids)));
  }

  get(id: number): Maybe<V> {
    return this.held.has(id) ? this.held.get(id)! : this.loader.load(id);
  }

  /**
   * Loads the ids not held yet so that `get` holds them: one batch call, which BatchedReads joins to
   * whatever else this turn reads. Not DataLoader's loadMany, which makes two promises per id (a page's
   * worth for every relation). Should the read fail, `get` asks again, through the loader.
   */
  async hold(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.held.has(id));
    if (!missing.length) return;
    await this.batch(missing).then(
      (values) => this.store(missing, values),
      () => undefined,
    );
  }

  private store(ids: readonly number[], values: V[]): V[] {
    ids.forEach((id, index) => this.held.set(id, values[index]));
    return values;
  }

  prime(id: number, value: V): void {
    this.held.set(id, value);
  }
}

/** One read per batch of ids, whatever the page size: no N+1 below a list. Read-only objects (db/lean-read.ts). */
function byId<T extends WithId>(reads: BatchedReads, entity: EntityName<T>) {
  return new HeldLoader<Read<T> | null>(async (ids) => {
    const found = new Map((await reads.whereIn(entity, 'id', ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function grouped<T extends object>(load: (ids: number[]) => Promise<T[]>, keyOf: (row: T) => number) {
  return new DataLoader<number, T[]>(async (ids) => {
    const rows = await load([...ids]);
    const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return ids.map((id) => groups.get(id)!);
  });
}

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const partnerId = viewer?.partner?.id;
  // Every loader below that a request dispatches in the same turn shares one statement.
  const reads = new BatchedReads(em);
  return {
    inquiry: byId(reads, Inquiry),
    lead: byId(reads, Lead),
    partner: byId(reads, Partner),
    service: byId(reads, Service),
    authorization: byId(reads, SellerAuthorization),
    leadsOfInquiry: grouped(
      (ids) => reads.whereIn(Lead, 'inquiry', ids),
      (lead) => lead.inquiry.id,
    ),
    /** The viewer's partner's lead on each inquiry: what decides a partner's access to it. */
    viewerLeadOnInquiry: new HeldLoader<Read<Lead> | null>(async (ids) => {
      if (!partnerId) return ids.map(() => null);
      const leads = await reads.whereIn(Lead, 'inquiry', ids);
      const map = new Map(leads.filter((lead) => lead.partner.id === partnerId).map((lead) => [lead.inquiry.id, lead]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    targetServices: grouped(
      async (ids) => {
        const inquiries = await em.find(Inquiry, { id: { $in: ids } }, { populate: ['targetServices'] });
        return inquiries.flatMap((inquiry) => inquiry.targetServices.getItems().map((service) => ({ inquiry, service })));
      },
      (row) => row.inquiry.id,
    ),
    /** The partners with a lead on each seller's inquiries (who stays visible to that seller). */
    sellerPartnerIds: new HeldLoader<number[]>(async (sellerIds) => {
      const rows = await em
        .getConnection()
        .execute<{ seller_id: number; partner_id: number }[]>(
          `select distinct i.seller_id, l.partner_id from leads l join inquiries i on i.id = l.inquiry_id where i.seller_id in (?)`,
          [[...sellerIds]],
        );
      return sellerIds.map((id) => rows.filter((row) => row.seller_id === id).map((row) => row.partner_id));
    }),
    leadEvents: grouped(
      (ids) => reads.whereIn(LeadEvent, 'lead', ids),
      (event) => event.lead.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A lead the viewer's partner already holds answers later access checks on its inquiry without a query. */
export function primeViewerLead(loaders: Loaders, viewer: Viewer | null, lead: Read<Lead>): void {
  if (viewer?.partner && lead.partner.id === viewer.partner.id) {
    loaders.viewerLeadOnInquiry.prime(lead.inquiry.id, lead);
  }
}
