import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20: a partner's own description (its public page), the operator's reason for its current
 * status and when it was set (a suspension says why), and a reason on a lead's history entry (an
 * operator's for unassigning).
 */
export class Migration20261201160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "partners" add column "description" text null, add column "status_reason" varchar(500) null,
      add column "status_changed_at" timestamptz null;`);
    this.addSql(`alter table "lead_events" add column "note" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partners" drop column "description", drop column "status_reason", drop column "status_changed_at";`);
    this.addSql(`alter table "lead_events" drop column "note";`);
  }
}
