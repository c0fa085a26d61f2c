import { Migration } from '@mikro-orm/migrations';

/**
 * Revoking a seller's authorization finds the leads it made DEAL (`authorization_id`): without an
 * index, a scan of every lead.
 */
export class Migration20261126032119 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "leads_authorization_id_index" on "leads" ("authorization_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "leads_authorization_id_index";`);
  }
}
