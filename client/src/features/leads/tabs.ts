import type { LeadStatus } from '../../gql/graphql';

export interface LeadTab {
  key: string;
  status: LeadStatus;
  label: string;
  count?: 'new' | 'following' | 'deal' | 'closed';
}

/**
 * The Seller Leads Pool's four tabs, in the seed's words, with the count each badge shows, and the
 * partner's own view of the leads it turned down (no badge: they need nothing more).
 */
export const leadTabs: LeadTab[] = [
  { key: 'new', status: 'NEW', label: 'New Opportunities', count: 'new' },
  { key: 'following', status: 'FOLLOWING', label: 'Following', count: 'following' },
  { key: 'deal', status: 'DEAL', label: 'Reach a Deal', count: 'deal' },
  { key: 'closed', status: 'CLOSED', label: 'Closed', count: 'closed' },
  { key: 'rejected', status: 'REJECTED', label: 'Rejected' },
];

/** Lists and badges that change when a lead moves between tabs. */
export const leadLists = ['leads', 'leadCounts'] as const;
