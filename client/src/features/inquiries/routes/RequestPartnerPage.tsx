import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useMutation } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { RequestType, ServiceType, submitInquiryRules, type SubmitInquiry } from '@slp/shared';
import { FormError, SelectField, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { UnsavedChanges } from '../../../components/UnsavedChanges';
import { useToast } from '../../../components/toasts';
import { evictLists } from '../../../lib/cache';
import { applyUserErrors } from '../../../lib/form-errors';
import { enumValues, humanize } from '../../../lib/labels';
import { blankToNull, sharedRules } from '../../../lib/shared-rules';
import { useViewer } from '../../../lib/viewer';
import { SubmitInquiryMutation } from '../api/operations';
import {
  BusinessProfileFields,
  businessProfileKeys,
  emptyBusinessProfile,
  optionalProfileKeys,
  type BusinessProfileForm,
} from '../components/BusinessProfileFields';
import { ServicePicker } from '../components/ServicePicker';
import type { SubmitInquiryInput } from '../../../gql/graphql';

interface RequestForm extends BusinessProfileForm {
  contactEmail: string;
  requestType: RequestType;
  serviceType: string;
  targetServiceIds: string[];
}
const formFields = [...businessProfileKeys, 'contactEmail', 'requestType', 'serviceType', 'targetServiceIds'];
const serviceTypes = enumValues(ServiceType).map((value) => ({ value, label: humanize(value) }));

/** Only the chosen request type's choice goes to the API; empty optional inputs mean "not given". */
function prepare(values: RequestForm) {
  const open = values.requestType === RequestType.OPEN;
  return {
    ...blankToNull(values, [...optionalProfileKeys, 'serviceType']),
    serviceType: open ? values.serviceType || null : null,
    targetServiceIds: open ? null : values.targetServiceIds,
  };
}

/** The seller's "Request a partner" form, with every field of the seed's form. */
export function RequestPartnerPage() {
  const [params] = useSearchParams();
  const initialService = params.get('service');
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const notify = useToast();
  const form = useForm<RequestForm, unknown, SubmitInquiry>({
    resolver: sharedRules(submitInquiryRules, prepare),
    defaultValues: {
      ...emptyBusinessProfile,
      contactName: viewer?.user.name ?? '',
      contactEmail: viewer?.user.email ?? '',
      requestType: RequestType.TARGET,
      serviceType: '',
      targetServiceIds: initialService ? [initialService] : [],
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    watch,
    control,
    formState: { errors, isSubmitting, isDirty, isSubmitSuccessful },
  } = form;
  const [submit] = useMutation(SubmitInquiryMutation, { update: (cache) => evictLists(cache, 'myInquiries') });
  const onSubmit = handleSubmit(async (input) => {
    const { data } = await submit({ variables: { input: input as SubmitInquiryInput } });
    const result = data?.submitInquiry;
    if (applyUserErrors(result?.userErrors, setError, formFields) || !result?.inquiry) return;
    notify('Your request was sent.');
    navigate(`/requests/${result.inquiry.id}`);
  });
  const requestType = watch('requestType');
  return (
    <section>
      <PageTitle title="Request a partner">Request a partner</PageTitle>
      <UnsavedChanges when={isDirty && !isSubmitting && !isSubmitSuccessful} what="this new request" />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate aria-label="Request a partner" className="form-wide">
          <BusinessProfileFields
            contactEmail={
              <TextField
                label="Contact email"
                type="email"
                required
                autoComplete="email"
                hint="Partners reach you here once they follow up"
                registration={register('contactEmail')}
                error={errors.contactEmail?.message}
              />
            }
          />
          <fieldset>
            <legend>Request type</legend>
            <label className="choice">
              <input type="radio" value={RequestType.TARGET} {...register('requestType')} /> I know which partner I want to work with
            </label>
            <label className="choice">
              <input type="radio" value={RequestType.OPEN} {...register('requestType')} /> I want the platform to refer partners to me
            </label>
            {requestType === RequestType.OPEN ? (
              <SelectField
                label="Service type"
                required
                placeholder="Choose…"
                options={serviceTypes}
                registration={register('serviceType')}
                error={errors.serviceType?.message}
              />
            ) : (
              <Controller
                control={control}
                name="targetServiceIds"
                render={({ field }) => (
                  <ServicePicker
                    value={field.value}
                    onChange={field.onChange}
                    initialId={initialService}
                    error={errors.targetServiceIds?.message}
                  />
                )}
              />
            )}
          </fieldset>
          <FormError message={errors.root?.server?.message} />
          <button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Sending…' : 'Send request'}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}
