import { Migration } from '@mikro-orm/migrations';

/**
 * submitInquiry's idempotency key: the same key from the same seller finds the first inquiry, and the
 * unique constraint makes racing retries one row. The fingerprint tells a retry from a reused key.
 */
export class Migration20261201104535 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "inquiries" add column "idempotency_key" varchar(100) null, add column "idempotency_fingerprint" varchar(64) null;`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_seller_id_idempotency_key_unique" unique ("seller_id", "idempotency_key");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inquiries" drop constraint "inquiries_seller_id_idempotency_key_unique";`);
    this.addSql(`alter table "inquiries" drop column "idempotency_key", drop column "idempotency_fingerprint";`);
  }
}
