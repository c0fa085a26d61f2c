import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: each partner's median hours to follow up is kept in `partner_lead_stats`, computed from
 * its follow-up histogram whenever the row changes, instead of both histograms being shipped to the
 * app with every candidate. At SCALE=10 an OPEN submit read ~500 candidates, and the two 17-bucket
 * arrays were a third of the statement's JSON and a fifth of its time. Same rule as before (docs/matching.md):
 * each follow-up at its bucket's mean, the median interpolated as percentile_cont does; the
 * arithmetic is the same float8 as the JavaScript it replaces, so the values are equal.
 */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function slp_median_hours_to_follow_up(counts int[], micros bigint[]) returns double precision
      language plpgsql immutable strict parallel safe as $$
      declare
        total bigint := 0;
        middle double precision;
        seen bigint := 0;
        below double precision;
        above double precision;
      begin
        for i in 1 .. coalesce(cardinality(counts), 0) loop total := total + counts[i]; end loop;
        -- An upsert computes the column for the row it proposes, a removal's delta of negative
        -- counts too, before adding it to the stored row: no median, and no division by zero.
        if total <= 0 then return null; end if;
        middle := (total - 1) / 2.0;
        for i in 1 .. cardinality(counts) loop
          seen := seen + counts[i];
          if below is null and seen > floor(middle) then below := micros[i]::float8 / counts[i] / 3600000000; end if;
          if seen > ceil(middle) then above := micros[i]::float8 / counts[i] / 3600000000; exit; end if;
        end loop;
        return below + (middle - floor(middle)) * (above - below);
      end $$;`);
    this.addSql(`alter table "partner_lead_stats" add column "median_hours_to_follow_up" double precision
      generated always as (slp_median_hours_to_follow_up(follow_up_counts, follow_up_micros)) stored;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partner_lead_stats" drop column "median_hours_to_follow_up";`);
    this.addSql(`drop function slp_median_hours_to_follow_up(int[], bigint[]);`);
  }
}
