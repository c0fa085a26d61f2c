import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { TimeLeft } from '../../../components/TimeLeft';
import { Tabs } from '../../../components/Tabs';
import { queryState } from '../../../components/status';
import type { LeadFilter, LeadRowFieldsFragment } from '../../../gql/graphql';
import { companySizeLabel, formatDate, formatMoney, humanize, listOf } from '../../../lib/labels';
import { LeadCountsQuery, LeadsQuery } from '../api/operations';
import { LeadFilters } from '../components/LeadFilters';
import { PartnerStandingBanner } from '../components/PartnerStanding';
import { leadTabs } from '../tabs';

const column = createColumnHelper<LeadRowFieldsFragment>();
const columns = [
  column.accessor('createdAt', { header: 'Received', cell: (c) => <Link to={`/leads/${c.row.original.id}`}>{formatDate(c.getValue())}</Link> }),
  column.accessor((l) => humanize(l.inquiry?.productCategory), { id: 'category', header: 'Category' }),
  column.accessor((l) => l.inquiry?.companySize ?? '', { id: 'companySize', header: 'Company size', cell: (c) => companySizeLabel(c.getValue()) }),
  column.accessor((l) => Number(l.inquiry?.budget.amount ?? 0), { id: 'budget', header: 'Budget', cell: (c) => formatMoney(c.row.original.inquiry?.budget) }),
  column.accessor((l) => Number(l.inquiry?.shopGmv.amount ?? 0), { id: 'gmv', header: 'Shop GMV', cell: (c) => formatMoney(c.row.original.inquiry?.shopGmv) }),
  column.accessor((l) => (l.services.length ? listOf(l.services.map((s) => s.title)) : humanize(l.inquiry?.serviceType)), { id: 'service', header: 'Service' }),
  column.accessor((l) => humanize(l.source), { id: 'source', header: 'Source' }),
  column.accessor((l) => humanize(l.closeReason ?? l.status), { id: 'status', header: 'Status' }),
  column.accessor((l) => l.respondBy ?? '', { id: 'respondBy', header: 'Time left', cell: (c) => <TimeLeft until={c.row.original.respondBy} /> }),
];

/** The partner's Seller Leads Pool: four tabs with live count badges, filters and a sortable table. */
export function LeadPoolPage() {
  const [params, setParams] = useSearchParams();
  const tab = leadTabs.find((t) => t.key === params.get('tab')) ?? leadTabs[0];
  const [filter, setFilter] = useState<LeadFilter>({});
  const counts = useQuery(LeadCountsQuery, { fetchPolicy: 'cache-and-network' });
  const leads = useQuery(LeadsQuery, { variables: { status: tab.status, filter }, fetchPolicy: 'cache-and-network' });
  const rows = leads.data?.leads.edges.map((e) => e.node) ?? [];
  const tabs = leadTabs.map((t) => ({
    key: t.key,
    label: <>{t.label}<span className="badge" aria-label={`${counts.data?.leadCounts[t.count] ?? 0} leads`}>{counts.data?.leadCounts[t.count] ?? '·'}</span></>,
  }));
  return (
    <section>
      <PageTitle title="Seller Leads Pool">Seller Leads Pool</PageTitle>
      <PartnerStandingBanner />
      <Tabs label="Lead status" tabs={tabs} selected={tab.key} onSelect={(key) => setParams({ tab: key })}>
        <LeadFilters value={filter} onChange={setFilter} />
        {queryState('leads', leads) ?? (
          <DataTable key={tab.key} caption={tab.label} data={rows} columns={columns} filterLabel="Search these leads"
            initialSorting={[{ id: 'createdAt', desc: true }]} empty={Object.values(filter).some(Boolean)
              ? <>No leads under {tab.label} match these filters. <button type="button" className="secondary" onClick={() => setFilter({})}>Clear filters</button></>
              : `No leads under ${tab.label}.`} />
        )}
      </Tabs>
    </section>
  );
}
