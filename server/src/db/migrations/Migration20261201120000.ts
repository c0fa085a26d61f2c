import { Migration } from '@mikro-orm/migrations';

/** Sellers' reviews of partners (SPEC section 6a): one per lead, hidden by an operator with a reason. */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "partner_reviews" ("id" serial primary key, "lead_id" int not null, "partner_id" int not null,
      "author_id" int not null, "rating" smallint not null, "comment" text null, "created_at" timestamptz not null,
      "updated_at" timestamptz not null, "hidden_at" timestamptz null, "hidden_reason" text null, "hidden_by_id" int null);`);
    this.addSql(`alter table "partner_reviews" add constraint "partner_reviews_lead_id_unique" unique ("lead_id");`);
    this.addSql(`create index "partner_reviews_partner_id_created_at_id_index" on "partner_reviews" ("partner_id", "created_at", "id");`);
    this.addSql(
      `alter table "partner_reviews" add constraint "partner_reviews_lead_id_foreign" foreign key ("lead_id") references "leads" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "partner_reviews" add constraint "partner_reviews_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "partner_reviews" add constraint "partner_reviews_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "partner_reviews" add constraint "partner_reviews_hidden_by_id_foreign" foreign key ("hidden_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "partner_reviews" cascade;`);
  }
}
