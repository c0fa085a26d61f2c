import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode } from '@slp/shared';
import { DomainError } from '../domain-error.js';
import { requireOnboardedPartner, requirePartner, type Viewer } from '../auth/viewer.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './webhook.entity.js';
import { newWebhookSecret } from './webhook-signature.js';
import { webhookUrlProblem } from './webhook-url.js';
import { User } from '../auth/user.entity.js';
import type { Read } from '../db/lean-read.js';
import { Partner } from '../partners/partner.entity.js';

/** Enough for a few dashboards; each endpoint multiplies every event's deliveries. */
export const MAX_ENDPOINTS = 10;
/** The delivery log keeps every row; a page of it is this long at most. */
export const MAX_LOG_PAGE = 100;

export interface CreateWebhookEndpoint {
  url: string;
  events: WebhookEventType[];
}

/** A partner's webhook endpoints: create (secret shown once), list, delete, their delivery log and redelivery. */
export class WebhooksService {
  constructor(private readonly em: EntityManager) {}

  async create(viewer: Viewer | null, input: CreateWebhookEndpoint): Promise<{ webhookEndpoint: WebhookEndpoint; secret: string }> {
    const { user, partner } = requireOnboardedPartner(viewer);
    const url = input.url.trim();
    const problem = url.length > 2000 ? 'The URL may be at most 2000 characters' : await webhookUrlProblem(url);
    if (problem) throw DomainError.of(UserErrorCode.INVALID, problem, ['url']);
    const events = [...new Set(input.events)];
    if (!events.length) throw DomainError.of(UserErrorCode.INVALID, 'Choose at least one event type', ['events']);
    if ((await this.em.count(WebhookEndpoint, { partner })) >= MAX_ENDPOINTS) {
      throw DomainError.of(UserErrorCode.LIMIT_EXCEEDED, `A partner can have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
    }
    const secret = newWebhookSecret();
    const webhookEndpoint = this.em.create(WebhookEndpoint, {
      partner: this.em.getReference(Partner, partner.id),
      createdBy: this.em.getReference(User, user.id),
      url,
      events,
      secret,
    });
    await this.em.flush();
    return { webhookEndpoint, secret };
  }

  /** The partner's endpoints, newest first. */
  list(viewer: Viewer | null): Promise<WebhookEndpoint[]> {
    const { partner } = requirePartner(viewer);
    return this.em.find(WebhookEndpoint, { partner }, { orderBy: { id: 'desc' } });
  }

  /** Deleting stops its deliveries at once: they go with it. */
  async delete(viewer: Viewer | null, id: number): Promise<WebhookEndpoint> {
    const webhookEndpoint = await this.endpointOf(viewer, id);
    await this.em.remove(webhookEndpoint).flush();
    return webhookEndpoint;
  }

  /** An endpoint's deliveries, newest first. */
  deliveries(webhookEndpoint: Read<WebhookEndpoint>, first: number): Promise<WebhookDelivery[]> {
    if (first < 0 || first > MAX_LOG_PAGE) throw DomainError.of(UserErrorCode.INVALID, `first must be between 0 and ${MAX_LOG_PAGE}`);
    return this.em.find(WebhookDelivery, { endpoint: webhookEndpoint.id }, { orderBy: { id: 'desc' }, limit: first });
  }

  /**
   * Sends an event again with the same event id, as a new row of the log; a disabled endpoint is
   * enabled again (its partner has fixed it, or will see the next failures).
   */
  async redeliver(viewer: Viewer | null, id: number): Promise<WebhookDelivery> {
    const { partner } = requirePartner(viewer);
    const original = await this.em.findOne(WebhookDelivery, { id, endpoint: { partner } }, { populate: ['endpoint'] });
    if (!original) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such webhook delivery', ['webhookDeliveryId']);
    original.endpoint.disabledAt = null;
    const { endpoint, eventId, type, leadEvent, lead, leadStatus } = original;
    const again = this.em.create(WebhookDelivery, { endpoint, eventId, type, leadEvent, lead, leadStatus });
    await this.em.flush();
    return again;
  }

  private async endpointOf(viewer: Viewer | null, id: number): Promise<WebhookEndpoint> {
    const { partner } = requirePartner(viewer);
    const endpoint = await this.em.findOne(WebhookEndpoint, { id, partner });
    if (!endpoint) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such webhook endpoint', ['webhookEndpointId']);
    return endpoint;
  }
}
