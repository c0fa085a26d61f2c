import { useQuery } from '@apollo/client/react';
import { formatDate } from '../../../lib/labels';
import { PartnerRecordQuery } from '../api/reviews';

const stars = (rating: number) => `${'★'.repeat(Math.round(rating))}${'☆'.repeat(5 - Math.round(rating))}`;

function hoursText(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  return hours < 48 ? `${Math.round(hours * 10) / 10} h` : `${Math.round(hours / 24)} days`;
}

/** A partner's track record and its sellers' reviews, newest first (SPEC section 6a). */
export function PartnerReviews({ partnerId }: { partnerId: string }) {
  const { data } = useQuery(PartnerRecordQuery, { variables: { id: partnerId } });
  const partner = data?.node?.__typename === 'Partner' ? data.node : null;
  if (!partner) return null;
  const reviews = partner.reviews.edges.map((e) => e.node);
  return (
    <section aria-labelledby="track-record">
      <h2 id="track-record">Track record</h2>
      <dl className="facts">
        <div>
          <dt>Rating</dt>
          <dd>
            {partner.rating == null ? (
              'No reviews yet'
            ) : (
              <>
                <span aria-hidden="true">{stars(partner.rating)} </span>
                {partner.rating.toFixed(1)} of 5 from {partner.reviewCount} {partner.reviewCount === 1 ? 'review' : 'reviews'}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Median time to follow up</dt>
          <dd>{partner.medianHoursToFollowUp == null ? 'No follow-ups yet' : hoursText(partner.medianHoursToFollowUp)}</dd>
        </div>
        <div>
          <dt>Assigned leads that expired</dt>
          <dd>{partner.expiredLeadShare == null ? 'None assigned yet' : `${Math.round(partner.expiredLeadShare * 100)}%`}</dd>
        </div>
      </dl>
      <h2>Reviews</h2>
      {reviews.length === 0 ? (
        <p>No seller has reviewed this partner yet.</p>
      ) : (
        <ul className="plain reviews">
          {reviews.map((review) => (
            <li key={review.id} className="card">
              <p>
                <strong aria-label={`${review.rating} of 5`}>{stars(review.rating)}</strong>{' '}
                <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
              </p>
              {review.comment && <p className="review-comment">{review.comment}</p>}
              {review.hiddenAt && <p className="notice notice-warn">Hidden by the platform: {review.hiddenReason}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
