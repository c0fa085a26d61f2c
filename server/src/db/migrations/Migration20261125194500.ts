import { Migration } from '@mikro-orm/migrations';

/**
 * Live-event notices name who hears of them (the lead's partner and the inquiry's seller), so every
 * listening process routes a notice to its own subscribers without a query, and skips the notices
 * none of them is interested in. Looked up inside the writing transaction, as of that change.
 */
export class Migration20261125194500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function slp_notify_lead_event() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_events', (select json_build_object('kind', 'lead', 'type', new.type, 'leadId', new.lead_id,
            'eventId', new.id, 'partnerId', l.partner_id, 'sellerId', i.seller_id)
          from leads l join inquiries i on i.id = l.inquiry_id where l.id = new.lead_id)::text);
        return null;
      end $$;`);
    // The partners still working a lead on the inquiry (NEW, FOLLOWING, DEAL) hear of the seller's edit.
    this.addSql(`create or replace function slp_notify_inquiry_updated() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_events', json_build_object('kind', 'inquiry', 'type', 'INQUIRY_UPDATED', 'inquiryId', new.id,
          'leads', coalesce((select json_agg(json_build_object('leadId', l.id, 'partnerId', l.partner_id) order by l.id)
            from leads l where l.inquiry_id = new.id and l.status in ('NEW', 'FOLLOWING', 'DEAL')), '[]'))::text);
        return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function slp_notify_lead_event() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_events', json_build_object('kind', 'lead', 'type', new.type, 'leadId', new.lead_id, 'eventId', new.id)::text);
        return null;
      end $$;`);
    this.addSql(`create or replace function slp_notify_inquiry_updated() returns trigger language plpgsql as $$
      begin
        perform pg_notify('slp_events', json_build_object('kind', 'inquiry', 'type', 'INQUIRY_UPDATED', 'inquiryId', new.id)::text);
        return null;
      end $$;`);
  }
}
