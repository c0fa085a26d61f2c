import { Migration } from '@mikro-orm/migrations';

export class Migration20261125164502 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "leads" drop constraint if exists "leads_close_reason_check";`);

    this.addSql(`alter table "inquiries" add column "language" varchar(2) null;`);

    this.addSql(
      `alter table "leads" add constraint "leads_close_reason_check" check("close_reason" in ('NO_AGREEMENT', 'SELLER_CLOSED', 'UNASSIGNED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "leads" drop constraint if exists "leads_close_reason_check";`);

    this.addSql(`alter table "inquiries" drop column "language";`);

    this.addSql(
      `alter table "leads" add constraint "leads_close_reason_check" check("close_reason" in ('NO_AGREEMENT', 'SELLER_CLOSED'));`,
    );
  }
}
