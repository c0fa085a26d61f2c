import { z } from 'zod';

/** Bounds of a seller's review of a partner (SPEC section 6a), shared by the form and the API. */
export const reviewLimits = { ratingMin: 1, ratingMax: 5, comment: 2000, hideReason: 500 } as const;

const rating = z
  .number({ message: 'Choose a rating from 1 to 5' })
  .int('Choose a rating from 1 to 5')
  .min(reviewLimits.ratingMin, 'Choose a rating from 1 to 5')
  .max(reviewLimits.ratingMax, 'Choose a rating from 1 to 5');

/** A comment is plain text: kept as typed (trimmed), shown as text, never as markup. */
const comment = z
  .string()
  .trim()
  .max(reviewLimits.comment, `The comment must be at most ${reviewLimits.comment} characters`)
  .optional()
  .nullable()
  .transform((value) => (value ? value : null));

export const reviewPartnerRules = z.object({ rating, comment });

export const hideReviewRules = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the review is hidden')
    .max(reviewLimits.hideReason, `The reason must be at most ${reviewLimits.hideReason} characters`),
});
