import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { PartnerStatus, limits, operatorReasonFormRules } from '@slp/shared';
import { DialogForm } from '../../../components/DialogForm';
import { UrlPager } from '../../../components/UrlPager';
import { ServerTable } from '../../../components/ServerTable';
import { FormError, TextAreaField } from '../../../components/fields';
import { useToast } from '../../../components/toasts';
import { PageTitle } from '../../../components/PageTitle';
import { queryState } from '../../../components/status';
import type { PartnerStatus as Status, PartnersQuery as PartnersData } from '../../../gql/graphql';
import { enumValues, formatDate, humanize } from '../../../lib/labels';
import { sharedRules } from '../../../lib/shared-rules';
import { useActionError } from '../../../lib/use-action';
import { useUrlPage } from '../../../lib/url-pages';
import { PartnersQuery, SetPartnerStatusMutation } from '../api/partners';

type PartnerRow = PartnersData['partners']['edges'][number]['node'];
const column = createColumnHelper<PartnerRow>();
interface Move {
  to: Status;
  label: string;
  done: string;
}
/** What an operator can do from each status, and what the toast says after it. */
const moves: Record<string, Move[]> = {
  PENDING: [{ to: 'ONBOARDED', label: 'Onboard', done: 'is onboarded: its public services are in the directory and it receives leads.' }],
  ONBOARDED: [{ to: 'SUSPENDED', label: 'Suspend', done: 'is suspended.' }],
  SUSPENDED: [{ to: 'ONBOARDED', label: 'Reinstate', done: 'is onboarded again.' }],
};

interface ReasonForm {
  reason: string;
}
const reasonRules = sharedRules<ReasonForm, { reason: string }>(operatorReasonFormRules);

/** The status, and for a status an operator set with a reason, the reason and when. */
function StatusCell({ partner }: { partner: PartnerRow }) {
  return (
    <>
      {humanize(partner.status)}
      {partner.statusReason && (
        <small className="hint status-reason">
          {partner.statusChangedAt ? `${formatDate(partner.statusChangedAt)}: ` : ''}
          {partner.statusReason}
        </small>
      )}
    </>
  );
}

/** Every partner with its status, and the operator's onboard / suspend actions. */
export function PartnersPage() {
  const pages = useUrlPage();
  const status = pages.params.get('status') ?? '';
  const query = useQuery(PartnersQuery, {
    variables: { status: (status || null) as Status | null, ...pages.variables },
    fetchPolicy: 'cache-and-network',
  });
  const list = query.data?.partners;
  const [setPartnerStatus] = useMutation(SetPartnerStatusMutation, {
    // A partner moved out of the filtered status: the filtered lists are stale.
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'partners' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'services' });
      cache.gc();
    },
  });
  const { error, run } = useActionError();
  const notify = useToast();
  const columns = [
    column.accessor('name', { header: 'Partner', cell: (c) => <Link to={`/partners/${c.row.original.id}`}>{c.getValue()}</Link> }),
    column.accessor('contactEmail', { header: 'Contact email' }),
    column.accessor((p) => p.location ?? '', { id: 'location', header: 'Location' }),
    column.accessor('capacity', { header: 'Capacity' }),
    column.accessor('status', { header: 'Status', cell: (c) => <StatusCell partner={c.row.original} /> }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row: { original: p } }) => (
        <div className="actions">
          {(moves[p.status] ?? []).map((move) => {
            const apply = () =>
              run(
                async () => (await setPartnerStatus({ variables: { input: { partnerId: p.id, status: move.to } } })).data?.setPartnerStatus,
                `${p.name} ${move.done}`,
              );
            // Suspending cuts a working partner off: it asks first, says what follows, and asks why (the members read it).
            return move.to === 'SUSPENDED' ? (
              <DialogForm<ReasonForm, { reason: string }>
                key={move.to}
                buttonLabel={`${move.label} ${p.name}`}
                title={`Suspend ${p.name}?`}
                submitLabel="Suspend partner"
                className="danger"
                defaultValues={{ reason: '' }}
                fieldNames={['reason']}
                resolver={reasonRules}
                fields={({ register, formState: { errors } }) => (
                  <>
                    <p>
                      {p.name} leaves the directory and receives no new leads. Its members still see their leads and business profiles, but
                      no sellers' contact details, and cannot act on leads until you reinstate it.
                    </p>
                    <TextAreaField
                      label="Reason"
                      required
                      hint={`${p.name}'s members see this reason`}
                      maxLength={limits.operatorReason}
                      registration={register('reason')}
                      error={errors.reason?.message}
                    />
                  </>
                )}
                onSubmit={async ({ reason }) => {
                  const payload = (await setPartnerStatus({ variables: { input: { partnerId: p.id, status: move.to, reason } } })).data
                    ?.setPartnerStatus;
                  if (payload && payload.userErrors.length === 0) notify(`${p.name} ${move.done}`);
                  return payload?.userErrors;
                }}
              />
            ) : (
              <button key={move.to} type="button" onClick={apply}>
                {move.label} {p.name}
              </button>
            );
          })}
        </div>
      ),
    }),
  ];
  return (
    <section>
      <PageTitle title="Partners">Partners</PageTitle>
      <label className="table-filter">
        Status
        <select value={status} onChange={(e) => pages.restart({ status: e.target.value || null })}>
          <option value="">Any</option>
          {enumValues(PartnerStatus).map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </label>
      <FormError message={error} />
      {queryState('partners', query) ?? (
        <ServerTable
          caption="Partners, newest first"
          data={list?.edges.map((e) => e.node) ?? []}
          columns={columns}
          empty="No partner in this status."
        >
          {list && <UrlPager label="Partners" list={list} pages={pages} />}
        </ServerTable>
      )}
    </section>
  );
}
