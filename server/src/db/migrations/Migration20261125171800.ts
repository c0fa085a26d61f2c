import { Migration } from '@mikro-orm/migrations';

/**
 * INQUIRY_UPDATED for any edit of an active inquiry, whatever columns the business profile gains
 * (the first version listed them, and missed the language added since). Only profile fields change
 * while an inquiry stays ACTIVE; closing it is excluded.
 */
export class Migration20261125171800 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists inquiries_notify_update on "inquiries";`);
    this.addSql(`create trigger inquiries_notify_update after update on "inquiries" for each row
      when (old.status = 'ACTIVE' and new.status = 'ACTIVE'
        and (to_jsonb(old) - 'updated_at' - 'version') is distinct from (to_jsonb(new) - 'updated_at' - 'version'))
      execute function slp_notify_inquiry_updated();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists inquiries_notify_update on "inquiries";`);
  }
}
