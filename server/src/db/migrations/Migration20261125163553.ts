import { Migration } from '@mikro-orm/migrations';

export class Migration20261125163553 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_tokens" ("id" serial primary key, "partner_id" int not null, "created_by_id" int not null, "name" varchar(60) not null, "scope" text check ("scope" in ('READ_ONLY', 'WORK_LEADS')) not null, "secret_hash" varchar(64) not null, "hint" varchar(20) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null);`,
    );
    this.addSql(`create index "api_tokens_partner_id_index" on "api_tokens" ("partner_id");`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(
      `alter table "api_tokens" add constraint "api_tokens_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "api_tokens" add constraint "api_tokens_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_tokens" cascade;`);
  }
}
