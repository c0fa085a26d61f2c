import { useMutation } from '@apollo/client/react';
import { reviewLimits, reviewPartnerRules } from '@slp/shared';
import { DialogForm } from '../../../components/DialogForm';
import { SelectField, TextAreaField } from '../../../components/fields';
import { useToast } from '../../../components/toasts';
import { sharedRules } from '../../../lib/shared-rules';
import { ReviewPartnerMutation } from '../api/reviews';

interface ReviewForm {
  rating: string;
  comment: string;
}
const ratings = [5, 4, 3, 2, 1].map((value) => ({ value: String(value), label: `${value} of 5` }));
const toInput = (values: ReviewForm) => ({
  rating: values.rating === '' ? undefined : Number(values.rating),
  comment: values.comment || null,
});

interface Props {
  leadId: string;
  partnerName: string;
  review: { rating: number; comment?: string | null } | null | undefined;
}

/** The seller's review of a partner it reached a deal with: written once per lead, edited after. */
export function ReviewLead({ leadId, partnerName, review }: Props) {
  const notify = useToast();
  // The request page reads the lead's review: fetched again once it is written.
  const [save] = useMutation(ReviewPartnerMutation, { refetchQueries: ['Inquiry'] });
  return (
    // Keyed by the saved review, so the form opens with what was saved last.
    <DialogForm<ReviewForm, { rating: number; comment: string | null }>
      key={review ? `${review.rating}:${review.comment ?? ''}` : 'new'}
      buttonLabel={review ? `Edit your review of ${partnerName}` : `Review ${partnerName}`}
      title={`Review ${partnerName}`}
      submitLabel={review ? 'Save review' : 'Publish review'}
      className=""
      defaultValues={{ rating: review ? String(review.rating) : '', comment: review?.comment ?? '' }}
      fieldNames={['rating', 'comment']}
      resolver={sharedRules(reviewPartnerRules, toInput)}
      fields={({ register, formState: { errors } }) => (
        <>
          <p>Your rating and comment are shown on {partnerName}'s public page.</p>
          <SelectField
            label="Rating"
            required
            placeholder="Choose…"
            options={ratings}
            registration={register('rating')}
            error={errors.rating?.message}
          />
          <TextAreaField
            label="Comment"
            hint="Optional, plain text"
            maxLength={reviewLimits.comment}
            registration={register('comment')}
            error={errors.comment?.message}
          />
        </>
      )}
      onSubmit={async ({ rating, comment }) => {
        const payload = (await save({ variables: { input: { leadId, rating, comment } } })).data?.reviewPartner;
        if (payload && !payload.userErrors.length) notify(review ? 'Review saved.' : 'Thank you: your review is published.');
        return payload?.userErrors;
      }}
    />
  );
}
