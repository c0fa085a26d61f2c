import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks (issue 19): partners' endpoints and the webhook outbox, one row per event and endpoint,
 * which is also the delivery log. New rows wake the delivery workers like new emails do. The
 * WEBHOOK_DISABLED email is about the event whose delivery gave up, to members who may have had
 * another email about it, hence the kind in the outbox's unique key.
 */
export class Migration20261201121500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_endpoints" ("id" serial primary key, "partner_id" int not null, "created_by_id" int not null, "url" varchar(2000) not null, "events" jsonb not null, "secret" varchar(100) not null, "created_at" timestamptz not null, "disabled_at" timestamptz null);`,
    );
    this.addSql(`create index "webhook_endpoints_partner_id_index" on "webhook_endpoints" ("partner_id");`);

    this.addSql(
      `create table "webhook_deliveries" ("id" serial primary key, "endpoint_id" int not null, "event_id" uuid not null, "type" text check ("type" in ('LEAD_CREATED', 'LEAD_STATUS_CHANGED', 'LEAD_EXPIRING')) not null, "lead_event_id" int not null, "lead_id" int not null, "lead_status" text check ("lead_status" in ('NEW', 'FOLLOWING', 'DEAL', 'CLOSED', 'REJECTED')) not null, "status" text check ("status" in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_status_code" int null, "last_error" text null, "created_at" timestamptz not null, "delivered_at" timestamptz null);`,
    );
    this.addSql(`create index "webhook_deliveries_endpoint_id_id_index" on "webhook_deliveries" ("endpoint_id", "id");`);
    this.addSql(`create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`);

    this.addSql(
      `alter table "webhook_endpoints" add constraint "webhook_endpoints_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_endpoints" add constraint "webhook_endpoints_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_lead_event_id_foreign" foreign key ("lead_event_id") references "lead_events" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_lead_id_foreign" foreign key ("lead_id") references "leads" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create trigger webhook_deliveries_notify after insert on "webhook_deliveries" for each statement execute function slp_notify_outbox();`,
    );

    this.addSql(`alter table "outbox_emails" drop constraint if exists "outbox_emails_kind_check";`);
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_kind_check" check("kind" in ('NEW_LEAD', 'SELLER_CLOSED', 'FOLLOWED_UP', 'DEAL', 'NO_AGREEMENT', 'LEAD_EXPIRING', 'LEAD_PASSED_ON', 'LEAD_WAITING', 'WEBHOOK_DISABLED'));`,
    );
    this.addSql(`alter table "outbox_emails" drop constraint "outbox_emails_event_id_recipient_id_unique";`);
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_event_id_recipient_id_kind_unique" unique ("event_id", "recipient_id", "kind");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);
    this.addSql(`delete from "outbox_emails" where "kind" = 'WEBHOOK_DISABLED';`);
    this.addSql(`alter table "outbox_emails" drop constraint if exists "outbox_emails_kind_check";`);
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_kind_check" check("kind" in ('NEW_LEAD', 'SELLER_CLOSED', 'FOLLOWED_UP', 'DEAL', 'NO_AGREEMENT', 'LEAD_EXPIRING', 'LEAD_PASSED_ON', 'LEAD_WAITING'));`,
    );
    this.addSql(`alter table "outbox_emails" drop constraint "outbox_emails_event_id_recipient_id_kind_unique";`);
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_event_id_recipient_id_unique" unique ("event_id", "recipient_id");`,
    );
  }
}
