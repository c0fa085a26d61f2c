import { useMutation } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { LeadAction, canApply, type LeadStatus } from '@slp/shared';
import { BusinessProfile } from '../../../components/BusinessProfile';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormError, LockedField } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { Empty } from '../../../components/status';
import { useNode } from '../../../lib/use-node';
import type { InquiryFieldsFragment } from '../../../gql/graphql';
import { formatDate, humanize, listOf } from '../../../lib/labels';
import { useActionError } from '../../../lib/use-action';
import { granted, useGrantAuthorization } from '../../../lib/grant-authorization';
import { CloseInquiryMutation, CloseLeadMutation, InquiryQuery } from '../api/operations';
import { EditInquiryForm } from '../components/EditInquiryForm';
import { ReviewLead } from '../components/ReviewLead';

const LOCKED = 'Cannot be changed after sending';

/** One request: edit it while active (locked fields shown as such), close it, or close one partner. */
export function RequestPage() {
  const { inquiryId = '' } = useParams();
  const { state, node: inquiry } = useNode(InquiryQuery, inquiryId, 'Inquiry', 'this request');
  if (state) return state;
  if (!inquiry)
    return (
      <Empty>
        This request does not exist. <Link to="/requests">Back to my requests</Link>
      </Empty>
    );
  const active = inquiry.status === 'ACTIVE';
  return (
    <section>
      <PageTitle title="Request">Request of {formatDate(inquiry.createdAt)}</PageTitle>
      <p>
        Status: <strong>{humanize(inquiry.status)}</strong>
        {inquiry.closedAt ? ` since ${formatDate(inquiry.closedAt)}` : ''}
      </p>
      <PartnerStatuses inquiry={inquiry} />
      <h2>Details</h2>
      {active ? (
        <EditInquiryForm inquiry={inquiry} lockedFields={<LockedFields inquiry={inquiry} />} />
      ) : (
        <>
          <LockedFields inquiry={inquiry} />
          <BusinessProfile profile={inquiry} />
          <p className="hint">A closed request can no longer be edited.</p>
        </>
      )}
      {active && <CloseInquiry inquiryId={inquiry.id} />}
    </section>
  );
}

function LockedFields({ inquiry }: { inquiry: InquiryFieldsFragment }) {
  const choice =
    inquiry.requestType === 'OPEN'
      ? `Referral: ${humanize(inquiry.serviceType)}`
      : inquiry.targetServices.map((s) => `${s.title} (${s.partner.name})`).join(', ');
  return (
    <>
      <LockedField label="Contact email" value={inquiry.contact?.email ?? '—'} reason={LOCKED} />
      <LockedField label="Request type" value={inquiry.requestType === 'OPEN' ? 'Platform referral' : 'Chosen partners'} reason={LOCKED} />
      <LockedField label={inquiry.requestType === 'OPEN' ? 'Service type' : 'Services'} value={choice} reason={LOCKED} />
    </>
  );
}

function PartnerStatuses({ inquiry }: { inquiry: InquiryFieldsFragment }) {
  const [closeLead] = useMutation(CloseLeadMutation);
  const grant = useGrantAuthorization();
  const { error, run } = useActionError();
  const leads = inquiry.leads.edges.map((e) => e.node);
  return (
    <>
      <h2>Partners</h2>
      {leads.length === 0 ? (
        <Empty>No partner has this request yet{inquiry.requestType === 'OPEN' ? ': the platform is finding fitting partners' : ''}.</Empty>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Partners on this request</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {leads.map((lead) => (
                <tr key={lead.id}>
                  <td data-label="Partner">
                    <Link to={`/partners/${lead.partner.id}`}>{lead.partner.name}</Link>
                  </td>
                  <td data-label="Service">{lead.services.length ? listOf(lead.services.map((s) => s.title)) : '—'}</td>
                  <td data-label="Status">
                    <span className={`status-pill status-${lead.status.toLowerCase()}`}>{humanize(lead.status)}</span>
                    {lead.closeReason ? ` (${humanize(lead.closeReason)})` : ''}
                  </td>
                  <td data-label="Since">{formatDate(lead.createdAt)}</td>
                  <td className="actions">
                    {lead.status === 'DEAL' && <ReviewLead leadId={lead.id} partnerName={lead.partner.name} review={lead.review} />}
                    {canApply(LeadAction.AUTHORIZATION_MATCHED, lead.status as LeadStatus) && (
                      <ConfirmButton
                        label={`Authorize ${lead.partner.name}`}
                        title={`Authorize ${lead.partner.name}?`}
                        confirmLabel="Grant shop access"
                        className=""
                        onConfirm={() => run(() => grant(lead.partner.id), granted)}
                      >
                        <p>
                          {lead.partner.name} gets access to your shop and this request reaches a deal with them. You can revoke it under
                          Authorizations.
                        </p>
                      </ConfirmButton>
                    )}
                    {inquiry.status === 'ACTIVE' && canApply(LeadAction.SELLER_CLOSE, lead.status as LeadStatus) && (
                      <ConfirmButton
                        label={`Close for ${lead.partner.name}`}
                        title={`Close for ${lead.partner.name}?`}
                        confirmLabel="Close for this partner"
                        onConfirm={() =>
                          run(
                            async () => (await closeLead({ variables: { input: { leadId: lead.id } } })).data?.closeLead,
                            `Closed for ${lead.partner.name}.`,
                          )
                        }
                      >
                        <p>{lead.partner.name} will no longer see your contact details. Other partners keep the request.</p>
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError message={error} />
    </>
  );
}

function CloseInquiry({ inquiryId }: { inquiryId: string }) {
  const [closeInquiry] = useMutation(CloseInquiryMutation);
  const { error, run } = useActionError();
  return (
    <div className="danger-zone">
      <ConfirmButton
        label="Close request"
        title="Close this request?"
        confirmLabel="Close request"
        onConfirm={() =>
          run(async () => (await closeInquiry({ variables: { input: { inquiryId } } })).data?.closeInquiry, 'Your request is closed.')
        }
      >
        <p>No partner will receive it any more, partners who followed up lose your contact details, and it can no longer be edited.</p>
      </ConfirmButton>
      <FormError message={error} />
    </div>
  );
}
