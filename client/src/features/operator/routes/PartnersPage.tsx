import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { PartnerStatus } from '@slp/shared';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Pager } from '../../../components/Pager';
import { ServerTable } from '../../../components/ServerTable';
import { FormError } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { queryState } from '../../../components/status';
import type { PartnerStatus as Status, PartnersQuery as PartnersData } from '../../../gql/graphql';
import { enumValues, humanize } from '../../../lib/labels';
import { useActionError } from '../../../lib/use-action';
import { useUrlPage } from '../../../lib/url-pages';
import { PartnersQuery, SetPartnerStatusMutation } from '../api/partners';

type PartnerRow = PartnersData['partners']['edges'][number]['node'];
const column = createColumnHelper<PartnerRow>();
interface Move { to: Status; label: string; done: string }
/** What an operator can do from each status, and what the toast says after it. */
const moves: Record<string, Move[]> = {
  PENDING: [{ to: 'ONBOARDED', label: 'Onboard', done: 'is onboarded: its public services are in the directory and it receives leads.' }],
  ONBOARDED: [{ to: 'SUSPENDED', label: 'Suspend', done: 'is suspended.' }],
  SUSPENDED: [{ to: 'ONBOARDED', label: 'Reinstate', done: 'is onboarded again.' }],
};

/** Every partner with its status, and the operator's onboard / suspend actions. */
export function PartnersPage() {
  const pages = useUrlPage();
  const status = pages.params.get('status') ?? '';
  const query = useQuery(PartnersQuery, { variables: { status: (status || null) as Status | null, ...pages.variables }, fetchPolicy: 'cache-and-network' });
  const list = query.data?.partners;
  const [setPartnerStatus] = useMutation(SetPartnerStatusMutation, {
    // A partner moved out of the filtered status: the filtered lists are stale.
    update: (cache) => { cache.evict({ id: 'ROOT_QUERY', fieldName: 'partners' }); cache.evict({ id: 'ROOT_QUERY', fieldName: 'services' }); cache.gc(); },
  });
  const { error, run } = useActionError();
  const columns = [
    column.accessor('name', { header: 'Partner', cell: (c) => <Link to={`/partners/${c.row.original.id}`}>{c.getValue()}</Link> }),
    column.accessor('contactEmail', { header: 'Contact email' }),
    column.accessor((p) => p.location ?? '', { id: 'location', header: 'Location' }),
    column.accessor('capacity', { header: 'Capacity' }),
    column.accessor('status', { header: 'Status', cell: (c) => humanize(c.getValue()) }),
    column.display({
      id: 'actions', header: 'Actions', cell: ({ row: { original: p } }) => (
        <div className="actions">
          {(moves[p.status] ?? []).map((move) => {
            const apply = () => run(async () => (await setPartnerStatus({ variables: { input: { partnerId: p.id, status: move.to } } })).data?.setPartnerStatus,
              `${p.name} ${move.done}`);
            // Suspending cuts a working partner off: it asks first and says what follows.
            return move.to === 'SUSPENDED' ? (
              <ConfirmButton key={move.to} label={`${move.label} ${p.name}`} title={`Suspend ${p.name}?`} confirmLabel="Suspend partner" onConfirm={apply}>
                <p>{p.name} leaves the directory and receives no new leads. Its members still see their leads and business profiles,
                  but no sellers' contact details, and cannot act on leads until you reinstate it.</p>
              </ConfirmButton>
            ) : <button key={move.to} type="button" onClick={apply}>{move.label} {p.name}</button>;
          })}
        </div>
      ),
    }),
  ];
  return (
    <section>
      <PageTitle title="Partners">Partners</PageTitle>
      <label className="table-filter">Status
        <select value={status} onChange={(e) => pages.restart({ status: e.target.value || null })}>
          <option value="">Any</option>
          {enumValues(PartnerStatus).map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
      </label>
      <FormError message={error} />
      {queryState('partners', query) ?? (
        <ServerTable caption="Partners, newest first" data={list?.edges.map((e) => e.node) ?? []} columns={columns} empty="No partner in this status.">
          {list && (
            <Pager label="Partners" totalCount={list.totalCount} pageSize={pages.current.size} pageIndex={pages.current.page}
              hasNext={list.pageInfo.hasNextPage} hasPrevious={list.pageInfo.hasPreviousPage}
              onMove={(to) => pages.move(to, list.pageInfo, list.totalCount)} onPageSize={pages.setSize} />
          )}
        </ServerTable>
      )}
    </section>
  );
}
