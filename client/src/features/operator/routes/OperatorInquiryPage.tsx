import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { BusinessProfile } from '../../../components/BusinessProfile';
import { DialogForm } from '../../../components/DialogForm';
import { limits, operatorReasonFormRules } from '@slp/shared';
import { FormError, TextAreaField } from '../../../components/fields';
import { useToast } from '../../../components/toasts';
import { sharedRules } from '../../../lib/shared-rules';
import { PageTitle } from '../../../components/PageTitle';
import { Empty, queryState } from '../../../components/status';
import { useNode } from '../../../lib/use-node';
import { formatDate, humanize } from '../../../lib/labels';
import { useActionError } from '../../../lib/use-action';
import { AssignPartnersMutation, OperatorInquiryQuery, RecommendedPartnersQuery, UnassignLeadMutation } from '../api/matching';
import { ScoreParts } from '../components/ScoreParts';

/** Changing who has an inquiry changes the queue, the ranking and the inquiry's leads. */
const refetchQueries = ['OperatorInquiry', 'RecommendedPartners', 'OpenInquiryQueue'];

/** An OPEN inquiry for the operator: its partners (unassign), and the ranked recommendations (assign). */
export function OperatorInquiryPage() {
  const { inquiryId = '' } = useParams();
  const { state, node: inquiry } = useNode(OperatorInquiryQuery, inquiryId, 'Inquiry', 'this inquiry');
  if (state) return state;
  if (!inquiry)
    return (
      <Empty>
        No such inquiry. <Link to="/operator/queue">Back to the queue</Link>
      </Empty>
    );
  return (
    <section>
      <p>
        <Link to="/operator/queue">← Open inquiries</Link>
      </p>
      <PageTitle title="Open inquiry">
        {humanize(inquiry.serviceType)} for a {humanize(inquiry.productCategory)} seller
      </PageTitle>
      <p>
        Received {formatDate(inquiry.createdAt)} · {humanize(inquiry.status)}
      </p>
      <BusinessProfile profile={inquiry} />
      <AssignedPartners leads={inquiry.leads.edges.map((e) => e.node)} />
      {inquiry.status === 'ACTIVE' && inquiry.requestType === 'OPEN' && <Recommendations inquiryId={inquiry.id} />}
    </section>
  );
}

type LeadRow = {
  id: string;
  status: string;
  closeReason?: string | null;
  source: string;
  createdAt: string;
  partner: { id: string; name: string };
  history: { type: string; note?: string | null }[];
};
interface ReasonForm {
  reason: string;
}
const reasonRules = sharedRules<ReasonForm, { reason: string }>(operatorReasonFormRules);

/** The operator's reason for taking the lead back, as its history keeps it. */
const unassignReason = (lead: LeadRow) => lead.history.find((event) => event.type === 'UNASSIGNED')?.note ?? null;

function AssignedPartners({ leads }: { leads: LeadRow[] }) {
  const [unassign] = useMutation(UnassignLeadMutation, { refetchQueries });
  const notify = useToast();
  return (
    <>
      <h2>Partners on this inquiry</h2>
      {leads.length === 0 ? (
        <Empty>No partner has it yet.</Empty>
      ) : (
        <ul className="plain">
          {leads.map((lead) => (
            <li key={lead.id} className="row-with-actions">
              {lead.partner.name}: {humanize(lead.status)}
              {lead.closeReason ? ` (${humanize(lead.closeReason)})` : ''} ({humanize(lead.source)}, {formatDate(lead.createdAt)})
              {unassignReason(lead) && <small className="hint status-reason">Reason: {unassignReason(lead)}</small>}
              {lead.status === 'NEW' && lead.source === 'PLATFORM_ASSIGNED' && (
                <DialogForm<ReasonForm, { reason: string }>
                  buttonLabel={`Unassign ${lead.partner.name}`}
                  title={`Unassign ${lead.partner.name}?`}
                  submitLabel="Unassign"
                  className="danger"
                  defaultValues={{ reason: '' }}
                  fieldNames={['reason']}
                  resolver={reasonRules}
                  fields={({ register, formState: { errors } }) => (
                    <>
                      <p>
                        The lead closes as unassigned and {lead.partner.name} loses access to this inquiry. A partner never gets the same
                        inquiry twice, so {lead.partner.name} cannot be assigned it again.
                      </p>
                      <TextAreaField
                        label="Reason"
                        required
                        hint={`Kept in the lead's history, where ${lead.partner.name} reads it`}
                        maxLength={limits.operatorReason}
                        registration={register('reason')}
                        error={errors.reason?.message}
                      />
                    </>
                  )}
                  onSubmit={async ({ reason }) => {
                    const payload = (await unassign({ variables: { input: { leadId: lead.id, reason } } })).data?.unassignLead;
                    if (payload && payload.userErrors.length === 0) notify(`${lead.partner.name} no longer has this inquiry.`);
                    return payload?.userErrors;
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Recommendations({ inquiryId }: { inquiryId: string }) {
  const query = useQuery(RecommendedPartnersQuery, { variables: { inquiryId }, fetchPolicy: 'cache-and-network' });
  const [assign] = useMutation(AssignPartnersMutation, { refetchQueries });
  const [chosen, setChosen] = useState<string[]>([]);
  const { error, run } = useActionError();
  const onAssign = async () => {
    const ok = await run(
      async () => (await assign({ variables: { input: { inquiryId, partnerIds: chosen } } })).data?.assignPartners,
      `Assigned ${chosen.length} partner${chosen.length === 1 ? '' : 's'}.`,
    );
    if (ok) setChosen([]);
  };
  const recommendations = query.data?.recommendedPartners ?? [];
  return (
    <>
      <h2>Recommended partners</h2>
      {queryState('recommendations', query) ??
        (recommendations.length === 0 ? (
          <Empty>
            No other eligible partner offers this service type. Partners that had this inquiry, including unassigned ones, are not listed: a
            partner never gets the same inquiry twice.
          </Empty>
        ) : (
          <ol className="recommendations">
            {recommendations.map((r) => (
              <li key={r.partner.id} className="card">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(r.partner.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, r.partner.id] : chosen.filter((id) => id !== r.partner.id))}
                  />
                  <strong>{r.partner.name}</strong> — score {r.score.toFixed(2)}
                  {r.service ? ` · ${r.service.title}` : ''}
                </label>
                <details>
                  <summary>Score parts</summary>
                  <ScoreParts parts={r.reasons} />
                </details>
              </li>
            ))}
          </ol>
        ))}
      <button type="button" onClick={onAssign} disabled={chosen.length === 0}>
        Assign {chosen.length || ''} selected
      </button>
      <FormError message={error} />
    </>
  );
}
