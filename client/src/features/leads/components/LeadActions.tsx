import { useId } from 'react';
import { useMutation } from '@apollo/client/react';
import { z } from 'zod';
import { LeadAction, RejectReason, limits, partnerActions, rejectLeadRules, type LeadStatus } from '@slp/shared';
import { DialogForm } from '../../../components/DialogForm';
import { FormError, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/toasts';
import type { RejectReason as Reason } from '../../../gql/graphql';
import { evictLists } from '../../../lib/cache';
import { enumValues, humanize } from '../../../lib/labels';
import { blankToNull, sharedRules } from '../../../lib/shared-rules';
import { useActionError } from '../../../lib/use-action';
import { AcceptCooperationMutation, FollowLeadMutation, MarkNoAgreementMutation, RejectLeadMutation } from '../api/operations';
import { leadLists } from '../tabs';

const reasons = enumValues(RejectReason).map((value) => ({ value, label: humanize(value) }));
interface RejectForm {
  reason: string;
  note: string;
}
/** The shared rules for the note, and a reason that must be chosen. */
const rejectRules = rejectLeadRules.extend({ reason: z.enum(RejectReason, 'Choose a reason') });
type RejectInput = z.output<typeof rejectRules>;
interface AcceptForm {
  authorizationId: string;
}
interface NoteForm {
  note: string;
}

/** Moving a lead changes which tab lists it and every badge. */
const moveLead = { update: (cache: Parameters<typeof evictLists>[0]) => evictLists(cache, ...leadLists) };

const actionLabels: Partial<Record<LeadAction, string>> = {
  [LeadAction.FOLLOW_UP]: 'Follow up',
  [LeadAction.REJECT]: 'Reject',
  [LeadAction.ACCEPT_COOPERATION]: 'Accept cooperation',
  [LeadAction.MARK_NO_AGREEMENT]: 'Unable to reach agreement',
};

/** The actions a partner that is not onboarded would have, shown disabled with the reason the API gives. */
function BlockedActions({ allowed, reason }: { allowed: LeadAction[]; reason: string }) {
  const id = useId();
  return (
    <div className="actions" aria-label="Lead actions" role="group">
      {allowed.map((action) => (
        <button key={action} type="button" disabled aria-describedby={id}>
          {actionLabels[action]}
        </button>
      ))}
      <p id={id} className="hint">
        {reason}
      </p>
    </div>
  );
}

/** Only the actions the shared lifecycle table allows a partner in this status; none while `blocked` says why. */
export function LeadActions({ leadId, status, blocked }: { leadId: string; status: LeadStatus; blocked: string | null }) {
  const allowed = partnerActions(status);
  const notify = useToast();
  const { error, run } = useActionError();
  const [follow] = useMutation(FollowLeadMutation, moveLead);
  const [reject] = useMutation(RejectLeadMutation, moveLead);
  const [accept] = useMutation(AcceptCooperationMutation, moveLead);
  const [noAgreement] = useMutation(MarkNoAgreementMutation, moveLead);
  if (allowed.length === 0) return null;
  if (blocked) return <BlockedActions allowed={allowed} reason={blocked} />;
  const done = (message: string) => (errors: readonly { message: string }[] | undefined) => {
    if (!errors?.length) notify(message);
    return errors;
  };
  return (
    <div className="actions" aria-label="Lead actions" role="group">
      {allowed.includes(LeadAction.FOLLOW_UP) && (
        <button
          type="button"
          onClick={() =>
            run(async () => {
              const payload = (await follow({ variables: { input: { leadId } } })).data?.followLead;
              done('You are following up this lead.')(payload?.userErrors);
              return payload;
            })
          }
        >
          Follow up
        </button>
      )}
      {allowed.includes(LeadAction.REJECT) && (
        <DialogForm<RejectForm, RejectInput>
          buttonLabel="Reject"
          title="Reject this lead"
          submitLabel="Reject lead"
          className="danger"
          defaultValues={{ reason: '', note: '' }}
          fieldNames={['reason', 'note']}
          resolver={sharedRules(rejectRules, (v: RejectForm) => blankToNull(v, ['note']))}
          fields={({ register, formState: { errors } }) => (
            <>
              <p>You will no longer see this seller's information. The seller never sees your reason.</p>
              <SelectField
                label="Reason"
                required
                placeholder="Choose…"
                options={reasons}
                registration={register('reason')}
                error={errors.reason?.message}
              />
              <TextAreaField
                label="Note"
                hint="Optional, for your team and the platform"
                maxLength={limits.rejectNote}
                registration={register('note')}
                error={errors.note?.message}
              />
            </>
          )}
          onSubmit={async ({ reason, note }) =>
            done('Lead rejected.')(
              (await reject({ variables: { input: { leadId, reason: reason as Reason, note } } })).data?.rejectLead.userErrors,
            )
          }
        />
      )}
      {allowed.includes(LeadAction.ACCEPT_COOPERATION) && (
        <DialogForm<AcceptForm>
          buttonLabel="Accept cooperation"
          title="Accept cooperation"
          submitLabel="Reach a deal"
          defaultValues={{ authorizationId: '' }}
          fieldNames={['authorizationId']}
          fields={({ register, formState: { errors } }) => (
            <TextField
              label="Authorization ID"
              required
              placeholder="AUTH-XXXX-XXXX"
              hint="The code the seller gave you when granting shop access"
              registration={register('authorizationId', { required: 'Enter the authorization ID', setValueAs: (v: string) => v.trim() })}
              error={errors.authorizationId?.message}
            />
          )}
          onSubmit={async ({ authorizationId }) =>
            done('Deal reached.')((await accept({ variables: { input: { leadId, authorizationId } } })).data?.acceptCooperation.userErrors)
          }
        />
      )}
      {allowed.includes(LeadAction.MARK_NO_AGREEMENT) && (
        <DialogForm<NoteForm>
          buttonLabel="Unable to reach agreement"
          title="Unable to reach an agreement"
          submitLabel="Close lead"
          className="danger"
          defaultValues={{ note: '' }}
          fieldNames={['note']}
          fields={({ register, formState: { errors } }) => (
            <TextAreaField
              label="Note"
              hint="Optional; never shown to the seller"
              maxLength={limits.rejectNote}
              registration={register('note')}
              error={errors.note?.message}
            />
          )}
          onSubmit={async ({ note }) =>
            done('Lead closed without agreement.')(
              (await noAgreement({ variables: { input: { leadId, note: note || null } } })).data?.markNoAgreement.userErrors,
            )
          }
        />
      )}
      <FormError message={error} />
    </div>
  );
}
