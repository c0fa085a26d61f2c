import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useMutation } from '@apollo/client/react';
import { businessProfileRules, type BusinessProfile } from '@slp/shared';
import { FormError } from '../../../components/fields';
import { UnsavedChanges } from '../../../components/UnsavedChanges';
import { useToast } from '../../../components/toasts';
import type { InquiryFieldsFragment, UpdateInquiryInput } from '../../../gql/graphql';
import { applyUserErrors } from '../../../lib/form-errors';
import { blankToNull, sharedRules } from '../../../lib/shared-rules';
import { UpdateInquiryMutation } from '../api/operations';
import { BusinessProfileFields, businessProfileKeys, optionalProfileKeys, type BusinessProfileForm } from './BusinessProfileFields';

function formValues(inquiry: InquiryFieldsFragment): BusinessProfileForm {
  return {
    contactName: inquiry.contact?.name ?? '',
    location: inquiry.location ?? '',
    language: inquiry.language ?? '',
    companySize: inquiry.companySize,
    currency: inquiry.budget.currency,
    shopGmv: inquiry.shopGmv.amount,
    otherChannelsGmv: inquiry.otherChannelsGmv?.amount ?? '',
    budget: inquiry.budget.amount,
    productCategory: inquiry.productCategory,
    hotSaleProduct: inquiry.hotSaleProduct ?? '',
    otherDetails: inquiry.otherDetails ?? '',
  };
}

/** Edits an ACTIVE request's business profile with the same rules the API applies. */
export function EditInquiryForm({ inquiry, lockedFields }: { inquiry: InquiryFieldsFragment; lockedFields: React.ReactNode }) {
  const notify = useToast();
  const form = useForm<BusinessProfileForm, unknown, BusinessProfile>({
    resolver: sharedRules(businessProfileRules, (values) => blankToNull(values, optionalProfileKeys)),
    defaultValues: formValues(inquiry),
  });
  const [update] = useMutation(UpdateInquiryMutation);
  // The version this form was filled from: an edit someone made since is refused, never overwritten.
  const [openedVersion, setOpenedVersion] = useState(inquiry.version);
  const {
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const onSubmit = handleSubmit(async (profile) => {
    const input = { inquiryId: inquiry.id, expectedVersion: openedVersion, ...profile } as UpdateInquiryInput;
    const { data } = await update({ variables: { input } });
    const result = data?.updateInquiry;
    if (applyUserErrors(result?.userErrors, setError, businessProfileKeys) || !result?.inquiry) return;
    setOpenedVersion(result.inquiry.version);
    reset(formValues(result.inquiry));
    notify('Your changes were saved.');
  });
  return (
    <FormProvider {...form}>
      <UnsavedChanges when={isDirty && !isSubmitting} what="this request" />
      <form onSubmit={onSubmit} noValidate aria-label="Edit request" className="form-wide">
        <BusinessProfileFields contactEmail={lockedFields} />
        <FormError message={errors.root?.server?.message} />
        <button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
      </form>
    </FormProvider>
  );
}
