import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { Pager } from '../../../components/Pager';
import { PageTitle } from '../../../components/PageTitle';
import { TimeLeft } from '../../../components/TimeLeft';
import { ServerTable, type ServerSort } from '../../../components/ServerTable';
import { Tabs } from '../../../components/Tabs';
import { queryState } from '../../../components/status';
import type { LeadOrderField, LeadRowFieldsFragment } from '../../../gql/graphql';
import { companySizeLabel, formatDate, formatMoney, humanize, listOf } from '../../../lib/labels';
import { useDebounced } from '../../../lib/use-debounced';
import { LeadCountsQuery, LeadsQuery } from '../api/operations';
import { LeadFilters } from '../components/LeadFilters';
import { PartnerStandingBanner } from '../components/PartnerStanding';
import { movedPage, pageVariables, type PageMove } from '../../../lib/url-pages';
import { changed, exportHref, poolParams, readPool, type PoolState } from '../pool-state';
import { leadTabs } from '../tabs';

const column = createColumnHelper<LeadRowFieldsFragment>();
const columns = [
  column.accessor('createdAt', {
    header: 'Received',
    cell: (c) => <Link to={`/leads/${c.row.original.id}`}>{formatDate(c.getValue())}</Link>,
  }),
  column.accessor((l) => humanize(l.inquiry?.productCategory), { id: 'category', header: 'Category' }),
  column.accessor((l) => l.inquiry?.companySize ?? '', {
    id: 'companySize',
    header: 'Company size',
    cell: (c) => companySizeLabel(c.getValue()),
  }),
  column.accessor((l) => l.inquiry?.budget.amount, {
    id: 'budget',
    header: 'Budget',
    cell: (c) => formatMoney(c.row.original.inquiry?.budget),
  }),
  column.accessor((l) => l.inquiry?.shopGmv.amount, {
    id: 'gmv',
    header: 'Shop GMV',
    cell: (c) => formatMoney(c.row.original.inquiry?.shopGmv),
  }),
  column.accessor((l) => (l.services.length ? listOf(l.services.map((s) => s.title)) : humanize(l.inquiry?.serviceType)), {
    id: 'service',
    header: 'Service',
  }),
  column.accessor((l) => humanize(l.source), { id: 'source', header: 'Source' }),
  column.accessor((l) => humanize(l.rejectReason ?? l.closeReason ?? l.status), { id: 'status', header: 'Status' }),
  column.accessor((l) => l.respondBy ?? '', {
    id: 'respondBy',
    header: 'Time left',
    cell: (c) => <TimeLeft until={c.row.original.respondBy} />,
  }),
];

/** The columns the server can order by, and the order each stands for. */
const orderFields: Record<string, LeadOrderField> = {
  createdAt: 'RECEIVED',
  budget: 'BUDGET',
  gmv: 'SHOP_GMV',
  companySize: 'COMPANY_SIZE',
};
const sortable = new Set(Object.keys(orderFields));
const columnOf = (field: LeadOrderField) => Object.keys(orderFields).find((id) => orderFields[id] === field)!;

/** The search box: typing settles for a moment before the URL (and the list) follows. */
function SearchBox({ value, onSearch, disabled }: { value: string; onSearch: (text: string) => void; disabled: boolean }) {
  const [text, setText] = useState(value);
  const settled = useDebounced(text, 300);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (settled !== value) onSearch(settled);
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <label className="table-filter">
      Search these leads
      <input
        type="search"
        value={text}
        maxLength={100}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        placeholder={disabled ? 'Rejected leads cannot be searched' : 'Product, category, details or service'}
      />
    </label>
  );
}

/**
 * The partner's Seller Leads Pool: tabs with live count badges, and a table the server filters,
 * searches, orders and pages, so every lead of a tab is reachable however many there are.
 */
export function LeadPoolPage() {
  const [params, setParams] = useSearchParams();
  const pool = readPool(params);
  const go = (next: PoolState) => setParams(poolParams(next));
  const { tab, order } = pool;
  const rejected = tab.status === 'REJECTED';
  const counts = useQuery(LeadCountsQuery, { fetchPolicy: 'cache-and-network' });
  const leads = useQuery(LeadsQuery, {
    variables: {
      status: tab.status,
      filter: pool.filter,
      orderBy: order,
      search: rejected ? null : pool.search || null,
      ...pageVariables(pool),
    },
    fetchPolicy: 'cache-and-network',
  });
  const page = leads.data?.leads;
  const rows = page?.edges.map((e) => e.node) ?? [];
  const tabs = leadTabs.map((t) => {
    const count = t.count && counts.data?.leadCounts[t.count];
    return {
      key: t.key,
      label: (
        <>
          {t.label}
          {t.count && (
            <span className="badge" aria-label={`${count ?? 0} leads`}>
              {count ?? '·'}
            </span>
          )}
        </>
      ),
    };
  });
  const move = (to: PageMove) => {
    if (page) go({ ...pool, ...movedPage(pool, to, page.pageInfo, page.totalCount) });
  };
  const sort: ServerSort = { id: columnOf(order.field), desc: order.direction === 'DESC' };
  const filtered = Object.values(pool.filter).some(Boolean) || !!pool.search;
  // Open on a wide screen or when in use; on a phone folded away, so the first lead shows at once.
  const [filtersOpen] = useState(() => filtered || window.matchMedia('(min-width: 48rem)').matches);
  return (
    <section className="lead-pool">
      <PageTitle title="Seller Leads Pool">Seller Leads Pool</PageTitle>
      <PartnerStandingBanner />
      <Tabs
        label="Lead status"
        tabs={tabs}
        selected={tab.key}
        onSelect={(key) => go(changed(pool, { tab: leadTabs.find((t) => t.key === key)! }))}
      >
        <details className="filters-panel" open={filtersOpen}>
          <summary>Filters and search{filtered ? ' (on)' : ''}</summary>
          <LeadFilters value={pool.filter} onChange={(filter) => go(changed(pool, { filter }))} profile={!rejected} />
          <SearchBox value={pool.search} disabled={rejected} onSearch={(search) => go(changed(pool, { search }))} />
        </details>
        <p className="pool-export">
          <a className="button secondary" href={exportHref(pool)} download>
            Export CSV
          </a>
          <span className="hint">
            {' '}
            every lead under {tab.label}
            {filtered ? ' that matches' : ''}, not only this page
          </span>
        </p>
        {queryState('leads', leads) ?? (
          <ServerTable
            caption={tab.label}
            data={rows}
            columns={columns}
            sort={sort}
            sortable={sortable}
            onSort={({ id, desc }) => go(changed(pool, { order: { field: orderFields[id], direction: desc ? 'DESC' : 'ASC' } }))}
            empty={
              filtered ? (
                <>
                  No leads under {tab.label} match these filters.{' '}
                  <button type="button" className="secondary" onClick={() => go(changed(pool, { filter: {}, search: '' }))}>
                    Clear filters
                  </button>
                </>
              ) : (
                `No leads under ${tab.label}.`
              )
            }
          >
            {page && (
              <Pager
                label={tab.label}
                totalCount={page.totalCount}
                pageSize={pool.size}
                pageIndex={pool.page}
                hasNext={page.pageInfo.hasNextPage}
                hasPrevious={page.pageInfo.hasPreviousPage}
                onMove={move}
                onPageSize={(size) => go(changed(pool, { size }))}
              />
            )}
          </ServerTable>
        )}
      </Tabs>
    </section>
  );
}
