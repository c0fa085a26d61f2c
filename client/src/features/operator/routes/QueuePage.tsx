import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { activeLeadStatuses, type LeadStatus } from '@slp/shared';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { queryState } from '../../../components/status';
import type { OpenInquiryQueueQuery as QueueData } from '../../../gql/graphql';
import { companySizeLabel, formatDate, formatMoney, humanize } from '../../../lib/labels';
import { OpenInquiryQueueQuery } from '../api/matching';
import { ExpiringSoon } from '../components/ExpiringSoon';

type QueueRow = QueueData['openInquiryQueue']['edges'][number]['node'];
const column = createColumnHelper<QueueRow>();
const columns = [
  column.accessor('createdAt', { header: 'Received', cell: (c) => <Link to={`/operator/inquiries/${c.row.original.id}`}>{formatDate(c.getValue())}</Link> }),
  column.accessor((i) => humanize(i.serviceType), { id: 'serviceType', header: 'Service type' }),
  column.accessor((i) => humanize(i.productCategory), { id: 'category', header: 'Category' }),
  column.accessor((i) => companySizeLabel(i.companySize), { id: 'companySize', header: 'Company size' }),
  column.accessor((i) => Number(i.budget.amount), { id: 'budget', header: 'Budget', cell: (c) => formatMoney(c.row.original.budget) }),
  column.accessor((i) => i.location ?? '', { id: 'location', header: 'Location' }),
  // Only partners still working it count: a rejected, closed or unassigned lead leaves a place free.
  column.accessor((i) => i.leads.edges.filter((e) => activeLeadStatuses.includes(e.node.status as LeadStatus)).length,
    { id: 'partners', header: 'Active partners' }),
];

/** OPEN inquiries that still need partners, oldest first. */
export function QueuePage() {
  const query = useQuery(OpenInquiryQueueQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <section>
      <PageTitle title="Open inquiries">Open inquiries</PageTitle>
      {queryState('the queue', query) ?? (
        <DataTable caption="Open inquiries needing partners" data={query.data?.openInquiryQueue.edges.map((e) => e.node) ?? []}
          columns={columns} filterLabel="Filter inquiries" empty="Every open inquiry has its partners." />
      )}
      <ExpiringSoon />
    </section>
  );
}
