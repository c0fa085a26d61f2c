import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { useToast } from '../../../components/toasts';
import { humanize } from '../../../lib/labels';

const InquiryUpdatesSubscription = graphql(`
  subscription InquiryUpdates {
    inquiryUpdates {
      type
      lead {
        id
        status
        closeReason
        partner {
          id
          name
        }
      }
      inquiry {
        id
        status
        updatedAt
      }
    }
  }
`);

const messages: Record<string, string> = {
  FOLLOWED: 'is following up your request',
  REJECTED: 'declined your request',
  DEAL: 'reached a deal with you',
  NO_AGREEMENT: 'closed your request without an agreement',
};

/** Live updates for a seller: a toast, and the lead's new status lands in the cache from the payload. */
export function InquiryUpdates() {
  const notify = useToast();
  useSubscription(InquiryUpdatesSubscription, {
    onData: ({ data }) => {
      const update = data.data?.inquiryUpdates;
      if (update) notify(`${update.lead.partner.name} ${messages[update.type] ?? humanize(update.type).toLowerCase()}.`);
    },
  });
  return null;
}
