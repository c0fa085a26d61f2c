import { Migration } from '@mikro-orm/migrations';

export class Migration20261125170717 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unique index "seller_authorizations_live_unique" on "seller_authorizations" ("seller_id", "partner_id") where "revoked_at" is null;`,
    );

    this.addSql(`drop index "leads_partner_id_status_id_index";`);

    this.addSql(`alter table "leads" add column "close_note" text null;`);
    this.addSql(`create index "leads_status_created_at_id_index" on "leads" ("status", "created_at", "id");`);
    this.addSql(`create index "leads_partner_id_status_created_at_id_index" on "leads" ("partner_id", "status", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "leads_status_created_at_id_index";`);
    this.addSql(`drop index "leads_partner_id_status_created_at_id_index";`);
    this.addSql(`alter table "leads" drop column "close_note";`);

    this.addSql(`create index "leads_partner_id_status_id_index" on "leads" ("partner_id", "status", "id");`);

    this.addSql(`drop index "seller_authorizations_live_unique";`);
  }
}
