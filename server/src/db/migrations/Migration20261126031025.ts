import { Migration } from '@mikro-orm/migrations';

/**
 * A partner's members are looked up on every email and live event addressed to the partner (the outbox
 * rows of a new lead, for one): without an index each lookup read the whole users table.
 */
export class Migration20261126031025 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "users_partner_id_index" on "users" ("partner_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "users_partner_id_index";`);
  }
}
