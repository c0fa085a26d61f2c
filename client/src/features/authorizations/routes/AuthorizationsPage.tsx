import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { DataTable } from '../../../components/DataTable';
import { FormError } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { queryState } from '../../../components/status';
import type { AuthorizationFieldsFragment } from '../../../gql/graphql';
import { formatDate } from '../../../lib/labels';
import { useActionError } from '../../../lib/use-action';
import { AuthorizablePartnersQuery, MyAuthorizationsQuery, RevokeAuthorizationMutation } from '../api/operations';
import { granted, useGrantAuthorization } from '../../../lib/grant-authorization';

const column = createColumnHelper<AuthorizationFieldsFragment>();

/** The seller's shop authorizations: grant one to a partner, read out its ID, revoke it. */
export function AuthorizationsPage() {
  const query = useQuery(MyAuthorizationsQuery);
  const [revoke] = useMutation(RevokeAuthorizationMutation);
  const { error, run } = useActionError();
  const columns = [
    column.accessor('authorizationId', { header: 'Authorization ID', cell: (c) => <code>{c.getValue()}</code> }),
    column.accessor((a) => a.partner.name, { id: 'partner', header: 'Partner' }),
    column.accessor('grantedAt', { header: 'Granted', cell: (c) => formatDate(c.getValue()) }),
    column.accessor((a) => a.revokedAt ?? '', { id: 'revokedAt', header: 'Revoked', cell: (c) => formatDate(c.row.original.revokedAt) }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row: { original: a } }) =>
        !a.revokedAt && (
          <ConfirmButton
            label={`Revoke for ${a.partner.name}`}
            title="Revoke this authorization?"
            confirmLabel="Revoke"
            onConfirm={() =>
              run(
                async () => (await revoke({ variables: { input: { authorizationId: a.id } } })).data?.revokeAuthorization,
                `Access revoked for ${a.partner.name}.`,
              )
            }
          >
            <p>{a.partner.name} loses access to your shop. Deals already reached stay.</p>
          </ConfirmButton>
        ),
    }),
  ];
  return (
    <section>
      <PageTitle title="Authorizations">Authorizations</PageTitle>
      <p>
        Granting a partner access to your shop gives you an authorization ID to read out to them; a partner you are talking with reaches a
        deal with you automatically.
      </p>
      <GrantForm />
      <FormError message={error} />
      {queryState('your authorizations', query) ?? (
        <DataTable
          caption="Your authorizations"
          data={query.data?.myAuthorizations ?? []}
          columns={columns}
          filterLabel="Filter authorizations"
          empty="You have not authorized any partner yet."
        />
      )}
    </section>
  );
}

/** Grants access to one of the partners working the seller's requests, once the seller confirms. */
function GrantForm() {
  const inquiries = useQuery(AuthorizablePartnersQuery);
  const grant = useGrantAuthorization();
  const { error, run } = useActionError();
  const [partnerId, setPartnerId] = useState('');
  const partners = new Map<string, string>();
  for (const { node } of inquiries.data?.myInquiries.edges ?? []) {
    for (const lead of node.leads.edges) partners.set(lead.node.partner.id, lead.node.partner.name);
  }
  const name = partners.get(partnerId) ?? 'this partner';
  const onConfirm = async () => {
    if (await run(() => grant(partnerId), granted)) setPartnerId('');
  };
  return (
    <form onSubmit={(event) => event.preventDefault()} className="inline-form" aria-label="Grant an authorization">
      <label>
        Partner
        <select value={partnerId} onChange={(e) => setPartnerId(e.target.value)} required aria-describedby="grant-hint">
          <option value="">Choose a partner working your requests…</option>
          {[...partners].map(([id, partnerName]) => (
            <option key={id} value={id}>
              {partnerName}
            </option>
          ))}
        </select>
      </label>
      <small id="grant-hint" className="hint">
        Only partners that received one of your requests are listed.
      </small>
      <ConfirmButton
        label="Grant access"
        title={`Grant ${name} access to your shop?`}
        confirmLabel="Grant shop access"
        className=""
        disabled={!partnerId}
        onConfirm={onConfirm}
      >
        <p>
          {name} gets access to your shop, and your requests it is following up reach a deal with it. You can revoke it here at any time.
        </p>
      </ConfirmButton>
      <FormError message={error} />
    </form>
  );
}
