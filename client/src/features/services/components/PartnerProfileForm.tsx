import { useForm } from 'react-hook-form';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { limits, partnerProfileRules } from '@slp/shared';
import type { z } from 'zod';
import { FormError, TextAreaField } from '../../../components/fields';
import { useToast } from '../../../components/toasts';
import { applyUserErrors } from '../../../lib/form-errors';
import { sharedRules } from '../../../lib/shared-rules';
import { UpdatePartnerProfileMutation } from '../api/operations';

interface ProfileForm {
  description: string;
}

/** The partner's own words on its public page, checked with the API's rules (@slp/shared). */
export function PartnerProfileForm({ partnerId, description }: { partnerId: string; description: string }) {
  const notify = useToast();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ProfileForm, unknown, z.output<typeof partnerProfileRules>>({
    resolver: sharedRules(partnerProfileRules),
    values: { description },
  });
  const [update] = useMutation(UpdatePartnerProfileMutation);
  const onSubmit = handleSubmit(async (input) => {
    try {
      const { data } = await update({ variables: { input } });
      if (applyUserErrors(data?.updatePartnerProfile.userErrors, setError, ['description'])) return;
      notify(
        input.description ? 'Description saved: it shows on your public partner page.' : 'Description removed from your partner page.',
      );
      reset({ description: data?.updatePartnerProfile.partner?.description ?? '' });
    } catch (error) {
      setError('root.server', { message: (error as Error).message });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="About your organisation" className="form-wide">
      <TextAreaField
        label="Description"
        maxLength={limits.partnerDescription}
        hint={`What your organisation does, for sellers reading your public page (up to ${limits.partnerDescription} characters)`}
        registration={register('description')}
        error={errors.description?.message}
      />
      <FormError message={errors.root?.server?.message} />
      <div className="actions">
        <button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? 'Saving…' : 'Save description'}
        </button>
        <Link to={`/partners/${partnerId}`}>View your public page</Link>
      </div>
    </form>
  );
}
