import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { activeLeadStatuses, type LeadStatus } from '@slp/shared';
import { UrlPager } from '../../../components/UrlPager';
import { ServerTable } from '../../../components/ServerTable';
import { PageTitle } from '../../../components/PageTitle';
import { queryState } from '../../../components/status';
import type { OpenInquiryQueueQuery as QueueData } from '../../../gql/graphql';
import { companySizeLabel, formatDate, formatMoney, humanize } from '../../../lib/labels';
import { useUrlPage } from '../../../lib/url-pages';
import { OpenInquiryQueueQuery } from '../api/matching';
import { ExpiringSoon } from '../components/ExpiringSoon';

type QueueRow = QueueData['openInquiryQueue']['edges'][number]['node'];
const column = createColumnHelper<QueueRow>();
const columns = [
  column.accessor('createdAt', {
    header: 'Received',
    cell: (c) => <Link to={`/operator/inquiries/${c.row.original.id}`}>{formatDate(c.getValue())}</Link>,
  }),
  column.accessor((i) => humanize(i.serviceType), { id: 'serviceType', header: 'Service type' }),
  column.accessor((i) => humanize(i.productCategory), { id: 'category', header: 'Category' }),
  column.accessor((i) => companySizeLabel(i.companySize), { id: 'companySize', header: 'Company size' }),
  column.accessor((i) => i.budget.amount, { id: 'budget', header: 'Budget', cell: (c) => formatMoney(c.row.original.budget) }),
  column.accessor((i) => i.location ?? '', { id: 'location', header: 'Location' }),
  // Only partners still working it count: a rejected, closed or unassigned lead leaves a place free.
  column.accessor((i) => i.leads.edges.filter((e) => activeLeadStatuses.includes(e.node.status as LeadStatus)).length, {
    id: 'partners',
    header: 'Active partners',
  }),
];

/** OPEN inquiries that still need partners, oldest first. */
export function QueuePage() {
  const pages = useUrlPage();
  const query = useQuery(OpenInquiryQueueQuery, { variables: pages.variables, fetchPolicy: 'cache-and-network' });
  const list = query.data?.openInquiryQueue;
  return (
    <section>
      <PageTitle title="Open inquiries">Open inquiries</PageTitle>
      {queryState('the queue', query) ?? (
        <ServerTable
          caption="Open inquiries needing partners, oldest first"
          data={list?.edges.map((e) => e.node) ?? []}
          columns={columns}
          empty="Every open inquiry has its partners."
        >
          {list && <UrlPager label="Open inquiries" list={list} pages={pages} />}
        </ServerTable>
      )}
      <ExpiringSoon />
    </section>
  );
}
