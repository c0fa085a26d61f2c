import { Migration } from '@mikro-orm/migrations';

/**
 * The lead pool at volume (issue 16). A tab is ordered by received time, budget, shop GMV or company
 * size, each served by an index per (partner, status) so that no page sorts the tab: the inquiry's
 * order keys are copied onto its leads (by trigger, so every write path keeps them), and each index
 * is on the key as the access policy lets the lead's partner see it (`profileVisibleSql`: hidden,
 * e.g. after an operator took the lead back, it sorts as -1). `updated_at` moves whenever the lead or
 * its inquiry changes: incremental sync and live screens read it. Search is PostgreSQL full-text over
 * what a partner may see (product category, hot-sale product, other details, service title), with the
 * 'simple' configuration: word-prefix matching in any language, and no extension to install.
 */
const VISIBLE = `(status in ('NEW', 'FOLLOWING', 'DEAL', 'CLOSED') and (close_reason is null or close_reason not in ('UNASSIGNED')))`;
const visibleKey = (column: string) => `coalesce(case when ${VISIBLE} then ${column} end, -1)`;

export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function slp_company_size_rank(size text) returns smallint language sql immutable as $$
      select array_position(array['EMPLOYEES_0_5', 'EMPLOYEES_5_30', 'EMPLOYEES_30_100', 'EMPLOYEES_100_500', 'EMPLOYEES_500_PLUS'], size)::smallint $$;`);
    this.addSql(`alter table "leads" add column "updated_at" timestamptz not null default now(),
      add column "budget_amount" numeric(19,4) null, add column "shop_gmv_amount" numeric(19,4) null,
      add column "company_size_rank" smallint null;`);
    this
      .addSql(`update "leads" l set updated_at = coalesce(greatest(l.closed_at, l.rejected_at, l.deal_at, l.followed_at, l.created_at), now()),
      budget_amount = i.budget_amount, shop_gmv_amount = i.shop_gmv_amount, company_size_rank = slp_company_size_rank(i.company_size)
      from "inquiries" i where i.id = l.inquiry_id;`);

    // A lead takes its inquiry's keys when it is written; any change to it moves updated_at.
    this.addSql(`create function slp_lead_written() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          select i.budget_amount, i.shop_gmv_amount, slp_company_size_rank(i.company_size)
            into new.budget_amount, new.shop_gmv_amount, new.company_size_rank from inquiries i where i.id = new.inquiry_id;
        end if;
        if tg_op = 'INSERT' or new is distinct from old then new.updated_at := clock_timestamp(); end if;
        return new;
      end $$;`);
    this.addSql(`create trigger leads_written before insert or update on "leads" for each row execute function slp_lead_written();`);
    // An edited inquiry changes what each of its partners sees: its leads take the new keys and time.
    this.addSql(`create function slp_inquiry_edited() returns trigger language plpgsql as $$
      begin
        update leads set budget_amount = new.budget_amount, shop_gmv_amount = new.shop_gmv_amount,
          company_size_rank = slp_company_size_rank(new.company_size), updated_at = clock_timestamp()
          where inquiry_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger inquiries_edited after update on "inquiries" for each row
      when (old.* is distinct from new.*) execute function slp_inquiry_edited();`);
    // For loads that skip triggers (the benchmark's COPY): the keys of every lead, once.
    this.addSql(`create function slp_refresh_lead_keys() returns void language sql as $$
      update leads l set budget_amount = i.budget_amount, shop_gmv_amount = i.shop_gmv_amount,
        company_size_rank = slp_company_size_rank(i.company_size)
      from inquiries i where i.id = l.inquiry_id $$;`);

    this.addSql(
      `create index "leads_partner_status_budget_index" on "leads" ("partner_id", "status", (${visibleKey('budget_amount')}), "id");`,
    );
    this.addSql(
      `create index "leads_partner_status_shop_gmv_index" on "leads" ("partner_id", "status", (${visibleKey('shop_gmv_amount')}), "id");`,
    );
    this.addSql(
      `create index "leads_partner_status_company_size_index" on "leads" ("partner_id", "status", (${visibleKey('company_size_rank')}), "id");`,
    );
    this.addSql(`create index "leads_partner_status_updated_at_index" on "leads" ("partner_id", "status", "updated_at", "id");`);

    this.addSql(`alter table "inquiries" add column "search_document" tsvector generated always as (to_tsvector('simple',
      replace(lower(product_category), '_', ' ') || ' ' || coalesce(hot_sale_product, '') || ' ' || coalesce(other_details, ''))) stored;`);
    this.addSql(`alter table "services" add column "search_document" tsvector generated always as (to_tsvector('simple', title)) stored;`);
    this.addSql(`create index "inquiries_search_document_index" on "inquiries" using gin ("search_document");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "inquiries_search_document_index";`);
    this.addSql(`alter table "services" drop column "search_document";`);
    this.addSql(`alter table "inquiries" drop column "search_document";`);
    this.addSql(`drop trigger "inquiries_edited" on "inquiries";`);
    this.addSql(`drop trigger "leads_written" on "leads";`);
    this.addSql(`drop function slp_inquiry_edited, slp_lead_written, slp_refresh_lead_keys;`);
    this.addSql(
      `alter table "leads" drop column "updated_at", drop column "budget_amount", drop column "shop_gmv_amount", drop column "company_size_rank";`,
    );
    this.addSql(`drop function slp_company_size_rank;`);
  }
}
