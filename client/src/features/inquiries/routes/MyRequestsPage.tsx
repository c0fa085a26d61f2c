import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { UrlPager } from '../../../components/UrlPager';
import { ServerTable } from '../../../components/ServerTable';
import { PageTitle } from '../../../components/PageTitle';
import { queryState } from '../../../components/status';
import type { InquiryFieldsFragment } from '../../../gql/graphql';
import { formatDate, formatMoney, humanize } from '../../../lib/labels';
import { useUrlPage } from '../../../lib/url-pages';
import { MyInquiriesQuery } from '../api/operations';
import { LeadStatusList } from '../components/LeadStatusList';

const column = createColumnHelper<InquiryFieldsFragment>();
const columns = [
  column.accessor('createdAt', {
    header: 'Sent',
    cell: (c) => <Link to={`/requests/${c.row.original.id}`}>{formatDate(c.getValue())}</Link>,
  }),
  column.accessor((i) => (i.requestType === 'OPEN' ? `Referral: ${humanize(i.serviceType)}` : 'Chosen partners'), {
    id: 'type',
    header: 'Type',
  }),
  column.accessor((i) => humanize(i.productCategory), { id: 'category', header: 'Category' }),
  column.accessor((i) => i.budget.amount, { id: 'budget', header: 'Budget', cell: (c) => formatMoney(c.row.original.budget) }),
  column.accessor('status', { header: 'Status', cell: (c) => humanize(c.getValue()) }),
  column.accessor((i) => i.leads.edges.map((e) => `${e.node.partner.name} ${e.node.status}`).join(' '), {
    id: 'partners',
    header: 'Partners',
    enableSorting: false,
    cell: (c) => <LeadStatusList leads={c.row.original.leads.edges} />,
  }),
];

/** The seller's requests with each partner's status. */
export function MyRequestsPage() {
  const pages = useUrlPage();
  const query = useQuery(MyInquiriesQuery, { variables: pages.variables });
  const list = query.data?.myInquiries;
  const inquiries = list?.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <PageTitle title="My requests">My requests</PageTitle>
      <p>
        <Link className="button" to="/requests/new">
          Request a partner
        </Link>
      </p>
      {queryState('your requests', query) ?? (
        <ServerTable
          caption="My requests, newest first"
          data={inquiries}
          columns={columns}
          empty={
            <>
              You have not sent a request yet. <Link to="/requests/new">Request a partner</Link>.
            </>
          }
        >
          {list && <UrlPager label="My requests" list={list} pages={pages} />}
        </ServerTable>
      )}
    </section>
  );
}
