import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DeliveryWorker, type DeliveryOptions } from './delivery-worker.js';
import { mailboxTransport, smtpTransport } from './email-transport.js';
import { OUTBOX_CHANNEL, listenForChanges } from './change-listener.js';
import { LiveEventHub, liveEventsOf, type ChangeNotice } from './live-events.js';
import { LiveReads } from './live-reads.js';
import { WebhookWorker, defaultWebhookSettings, webhookSettingsFromEnv, type WebhookSettings } from '../webhooks/webhook-worker.js';

export interface NotificationSettings extends Omit<DeliveryOptions, 'transport' | 'from' | 'appUrl'> {
  /** Unset: emails go to the local mailbox table. */
  smtpUrl?: string;
  mailFrom: string;
  /** False leaves this process's delivery workers (emails and webhooks) stopped (tests start their own). */
  deliver: boolean;
  /** Webhook delivery timing (WEBHOOK_* variables). */
  webhooks?: Partial<WebhookSettings>;
}

export const defaultNotificationSettings: NotificationSettings = {
  mailFrom: 'Seller Leads Pool <no-reply@seller-leads-pool.local>',
  leaseMs: 5 * 60_000,
  maxAttempts: 6,
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  pollMs: 5_000,
  gatherMs: 100,
  batchSize: 20,
  deliver: true,
};

/** SMTP_URL, MAIL_FROM and OUTBOX_* variables; anything unset keeps its default. (APP_URL is the config's: config.ts.) */
export function notificationSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<NotificationSettings> {
  const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
  const settings: Partial<NotificationSettings> = {
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    leaseMs: number('OUTBOX_LEASE_MS'),
    maxAttempts: number('OUTBOX_MAX_ATTEMPTS'),
    backoffMs: number('OUTBOX_BACKOFF_MS'),
    pollMs: number('OUTBOX_POLL_MS'),
    webhooks: webhookSettingsFromEnv(env),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

export interface Notifications {
  hub: LiveEventHub;
  reads: LiveReads;
  worker: DeliveryWorker;
  webhooks: WebhookWorker;
  close(): Promise<void>;
}

/**
 * This process's share of notifications: its email delivery worker and its live-event listener.
 * `appUrl` is where the SPA is, for the links in emails (the app's APP_URL or its own address).
 */
export async function startNotifications(
  orm: MikroORM,
  given: Partial<NotificationSettings>,
  appUrl: () => string,
): Promise<Notifications> {
  const settings = { ...defaultNotificationSettings, ...given };
  const hub = new LiveEventHub();
  const transport = settings.smtpUrl ? smtpTransport(settings.smtpUrl) : mailboxTransport();
  const worker = new DeliveryWorker(orm, { ...settings, transport, from: settings.mailFrom, appUrl });
  const webhooks = new WebhookWorker(orm, { ...defaultWebhookSettings, ...settings.webhooks });
  // Each notice is published as it arrives, without awaiting anything: notices keep their commit
  // order, so a lead's alerts do too.
  const listener = await listenForChanges(orm.config.get('clientUrl')!, (channel, payload) => {
    if (channel === OUTBOX_CHANNEL) {
      worker.wake();
      webhooks.wake();
      return;
    }
    try {
      for (const event of liveEventsOf(JSON.parse(payload) as ChangeNotice)) hub.publish(event);
    } catch (error) {
      console.error('Live event failed', error);
    }
  });
  if (settings.deliver) {
    worker.start();
    webhooks.start();
  }
  return {
    hub,
    reads: new LiveReads(orm.em as EntityManager),
    worker,
    webhooks,
    async close() {
      await listener.close();
      await Promise.all([worker.stop(), webhooks.stop()]);
    },
  };
}
