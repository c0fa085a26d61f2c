import { useQuery, useSubscription } from '@apollo/client/react';
import { useToast } from '../../../components/toasts';
import { evictLists } from '../../../lib/cache';
import { formatMoney, humanize } from '../../../lib/labels';
import { LeadAlertsSubscription, LeadCountsQuery } from '../api/operations';
import { leadLists } from '../tabs';

const messages: Record<string, string> = {
  NEW_LEAD: 'New lead',
  SELLER_CLOSED: 'A seller closed a request',
  INQUIRY_UPDATED: 'A seller updated a request',
  LEAD_UPDATED: 'A lead changed',
};

/**
 * Live alerts for a partner's members over the WebSocket: a toast; the lead itself arrives whole, so
 * an open lead page shows its new state at once; the tab lists and badges drop from the cache so
 * whatever is on screen refetches.
 */
export function LeadAlerts() {
  const notify = useToast();
  useSubscription(LeadAlertsSubscription, {
    onData: ({ client, data }) => {
      const alert = data.data?.leadAlerts;
      if (!alert) return;
      const inquiry = alert.lead.inquiry;
      const now = alert.type === 'LEAD_UPDATED' ? `, now ${humanize(alert.lead.closeReason ?? alert.lead.status)}` : '';
      notify(
        `${messages[alert.type] ?? 'Lead update'}${inquiry ? `: ${humanize(inquiry.productCategory)}, budget ${formatMoney(inquiry.budget)}` : ''}${now}`,
      );
      evictLists(client.cache, ...leadLists);
    },
  });
  return null;
}

/** The nav entry with the New Opportunities badge. */
export function LeadPoolNavLabel() {
  const { data } = useQuery(LeadCountsQuery);
  const fresh = data?.leadCounts.new ?? 0;
  return (
    <>
      Seller Leads Pool
      {fresh > 0 && (
        <span className="badge" aria-label={`${fresh} new`}>
          {fresh}
        </span>
      )}
    </>
  );
}
