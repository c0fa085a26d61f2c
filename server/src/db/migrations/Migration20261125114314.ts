import { Migration } from '@mikro-orm/migrations';

export class Migration20261125114314 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "partners" ("id" serial primary key, "name" varchar(120) not null, "contact_email" varchar(254) not null, "location" varchar(100) null, "languages" jsonb not null, "status" text check ("status" in ('PENDING', 'ONBOARDED', 'SUSPENDED')) not null default 'PENDING', "capacity" int not null default 20, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "partners_status_index" on "partners" ("status");`);

    this.addSql(
      `create table "services" ("id" serial primary key, "partner_id" int not null, "title" varchar(120) not null, "description" text null, "service_type" text check ("service_type" in ('STORE_MANAGEMENT', 'LIVE_STREAMING', 'CREATOR_MARKETING', 'CONTENT_CREATION', 'ADS_MANAGEMENT', 'LOGISTICS', 'TECHNOLOGY', 'CUSTOMER_SERVICE', 'TRAINING')) not null, "public" boolean not null, "product_categories" text[] not null, "regions" jsonb not null, "price_from_amount" numeric(19,4) null, "price_to_amount" numeric(19,4) null, "currency" varchar(3) null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "services_partner_id_index" on "services" ("partner_id");`);
    this.addSql(`create index "services_service_type_public_index" on "services" ("service_type", "public");`);

    this.addSql(
      `create table "users" ("id" serial primary key, "email" varchar(254) not null, "password_hash" varchar(200) not null, "name" varchar(100) not null, "role" text check ("role" in ('SELLER', 'PARTNER', 'OPERATOR')) not null, "partner_id" int null, "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sessions" ("token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "sessions_pkey" primary key ("token_hash"));`,
    );
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(
      `create table "seller_authorizations" ("id" serial primary key, "authorization_id" varchar(32) not null, "seller_id" int not null, "partner_id" int not null, "granted_at" timestamptz not null, "revoked_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "seller_authorizations" add constraint "seller_authorizations_authorization_id_unique" unique ("authorization_id");`,
    );
    this.addSql(`create index "seller_authorizations_seller_id_partner_id_index" on "seller_authorizations" ("seller_id", "partner_id");`);

    this.addSql(
      `create table "inquiries" ("id" serial primary key, "seller_id" int not null, "request_type" text check ("request_type" in ('TARGET', 'OPEN')) not null, "status" text check ("status" in ('ACTIVE', 'CLOSED')) not null default 'ACTIVE', "service_type" text check ("service_type" in ('STORE_MANAGEMENT', 'LIVE_STREAMING', 'CREATOR_MARKETING', 'CONTENT_CREATION', 'ADS_MANAGEMENT', 'LOGISTICS', 'TECHNOLOGY', 'CUSTOMER_SERVICE', 'TRAINING')) null, "contact_name" varchar(100) not null, "contact_email" varchar(254) not null, "location" varchar(100) null, "company_size" text check ("company_size" in ('EMPLOYEES_0_5', 'EMPLOYEES_5_30', 'EMPLOYEES_30_100', 'EMPLOYEES_100_500', 'EMPLOYEES_500_PLUS')) not null, "currency" varchar(3) not null, "shop_gmv_amount" numeric(19,4) not null, "other_channels_gmv_amount" numeric(19,4) null, "budget_amount" numeric(19,4) not null, "product_category" text check ("product_category" in ('BEAUTY_PERSONAL_CARE', 'WOMENSWEAR', 'MENSWEAR', 'PHONES_ELECTRONICS', 'HOME_SUPPLIES', 'KITCHENWARE', 'SPORTS_OUTDOOR', 'HEALTH', 'FOOD_BEVERAGES', 'TOYS_HOBBIES', 'FASHION_ACCESSORIES', 'BABY_MATERNITY', 'PET_SUPPLIES', 'AUTOMOTIVE', 'BOOKS_MEDIA', 'JEWELRY', 'COMPUTERS_OFFICE', 'HOME_IMPROVEMENT', 'FURNITURE', 'LUGGAGE_BAGS', 'SHOES', 'COLLECTIBLES', 'OTHER')) not null, "hot_sale_product" varchar(200) null, "other_details" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "closed_at" timestamptz null, "version" int not null default 1);`,
    );
    this.addSql(`create index "inquiries_seller_id_status_id_index" on "inquiries" ("seller_id", "status", "id");`);

    this.addSql(
      `create table "leads" ("id" serial primary key, "inquiry_id" int not null, "partner_id" int not null, "service_id" int null, "status" text check ("status" in ('NEW', 'FOLLOWING', 'DEAL', 'CLOSED', 'REJECTED')) not null default 'NEW', "source" text check ("source" in ('SELLER_TARGETED', 'PLATFORM_ASSIGNED')) not null, "reject_reason" text check ("reject_reason" in ('BUDGET_TOO_LOW', 'CATEGORY_NOT_SERVED', 'LOCATION_NOT_SERVED', 'NO_CAPACITY', 'SERVICE_NOT_OFFERED', 'OTHER')) null, "reject_note" text null, "close_reason" text check ("close_reason" in ('NO_AGREEMENT', 'SELLER_CLOSED')) null, "authorization_id" int null, "created_at" timestamptz not null, "followed_at" timestamptz null, "deal_at" timestamptz null, "closed_at" timestamptz null, "rejected_at" timestamptz null, "version" int not null default 1);`,
    );
    this.addSql(`create index "leads_inquiry_id_index" on "leads" ("inquiry_id");`);
    this.addSql(`create index "leads_partner_id_status_id_index" on "leads" ("partner_id", "status", "id");`);
    this.addSql(`alter table "leads" add constraint "leads_inquiry_id_partner_id_unique" unique ("inquiry_id", "partner_id");`);

    this.addSql(
      `create table "lead_events" ("id" serial primary key, "lead_id" int not null, "type" varchar(40) not null, "at" timestamptz not null, "actor_role" text check ("actor_role" in ('SELLER', 'PARTNER', 'OPERATOR')) null, "actor_id" int null);`,
    );
    this.addSql(`create index "lead_events_lead_id_index" on "lead_events" ("lead_id");`);

    this.addSql(
      `create table "inquiry_target_services" ("inquiry_id" int not null, "service_id" int not null, constraint "inquiry_target_services_pkey" primary key ("inquiry_id", "service_id"));`,
    );

    this.addSql(
      `alter table "services" add constraint "services_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "users" add constraint "users_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "seller_authorizations" add constraint "seller_authorizations_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "seller_authorizations" add constraint "seller_authorizations_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "inquiries" add constraint "inquiries_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "leads" add constraint "leads_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "leads" add constraint "leads_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "leads" add constraint "leads_service_id_foreign" foreign key ("service_id") references "services" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "leads" add constraint "leads_authorization_id_foreign" foreign key ("authorization_id") references "seller_authorizations" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "lead_events" add constraint "lead_events_lead_id_foreign" foreign key ("lead_id") references "leads" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "lead_events" add constraint "lead_events_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "inquiry_target_services" add constraint "inquiry_target_services_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiry_target_services" add constraint "inquiry_target_services_service_id_foreign" foreign key ("service_id") references "services" ("id") on update cascade on delete cascade;`,
    );
  }
}
