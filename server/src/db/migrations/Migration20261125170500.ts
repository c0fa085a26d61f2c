import { Migration } from '@mikro-orm/migrations';

export class Migration20261125170500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "mailbox_messages" ("id" serial primary key, "message_id" varchar(100) not null, "from" varchar(254) not null, "to" varchar(254) not null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "delivered_at" timestamptz not null);`,
    );
    this.addSql(`alter table "mailbox_messages" add constraint "mailbox_messages_message_id_unique" unique ("message_id");`);
    this.addSql(`create index "mailbox_messages_to_index" on "mailbox_messages" ("to");`);

    this.addSql(
      `create table "outbox_emails" ("id" serial primary key, "message_id" varchar(100) not null, "kind" text check ("kind" in ('NEW_LEAD', 'SELLER_CLOSED', 'FOLLOWED_UP', 'DEAL', 'NO_AGREEMENT')) not null, "event_id" int not null, "lead_id" int not null, "recipient_id" int not null, "recipient_email" varchar(254) not null, "status" text check ("status" in ('PENDING', 'SENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null);`,
    );
    this.addSql(`alter table "outbox_emails" add constraint "outbox_emails_message_id_unique" unique ("message_id");`);
    this.addSql(`create index "outbox_emails_status_next_attempt_at_index" on "outbox_emails" ("status", "next_attempt_at");`);
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_event_id_recipient_id_unique" unique ("event_id", "recipient_id");`,
    );

    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_event_id_foreign" foreign key ("event_id") references "lead_events" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_lead_id_foreign" foreign key ("lead_id") references "leads" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    // Live events: NOTIFY from inside the writing transaction is delivered on commit only, never on
    // rollback. Payloads carry ids only; every listening process reloads what it needs.
    this.addSql(`create function slp_notify_lead_event() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_events', json_build_object('kind', 'lead', 'type', new.type, 'leadId', new.lead_id, 'eventId', new.id)::text);
        return null;
      end $$;`);
    this.addSql(`create trigger lead_events_notify after insert on "lead_events" for each row execute function slp_notify_lead_event();`);
    // Only a seller's edit of the business profile of an active inquiry, not closing it.
    this.addSql(`create function slp_notify_inquiry_updated() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_events', json_build_object('kind', 'inquiry', 'type', 'INQUIRY_UPDATED', 'inquiryId', new.id)::text);
        return null;
      end $$;`);
    this.addSql(`create trigger inquiries_notify_update after update on "inquiries" for each row
      when (new.status = 'ACTIVE' and (old.contact_name, old.location, old.company_size, old.currency, old.shop_gmv_amount,
        old.other_channels_gmv_amount, old.budget_amount, old.product_category, old.hot_sale_product, old.other_details)
        is distinct from (new.contact_name, new.location, new.company_size, new.currency, new.shop_gmv_amount,
        new.other_channels_gmv_amount, new.budget_amount, new.product_category, new.hot_sale_product, new.other_details))
      execute function slp_notify_inquiry_updated();`);
    // Wakes the delivery workers as soon as new emails are committed.
    this.addSql(`create function slp_notify_outbox() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_outbox', '');
        return null;
      end $$;`);
    this.addSql(
      `create trigger outbox_emails_notify after insert on "outbox_emails" for each statement execute function slp_notify_outbox();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists lead_events_notify on "lead_events";`);
    this.addSql(`drop trigger if exists inquiries_notify_update on "inquiries";`);
    this.addSql(`drop function if exists slp_notify_lead_event, slp_notify_inquiry_updated, slp_notify_outbox;`);
    this.addSql(`drop table if exists "mailbox_messages" cascade;`);

    this.addSql(`drop table if exists "outbox_emails" cascade;`);
  }
}
