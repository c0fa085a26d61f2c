import type { LeadDetailFieldsFragment } from '../../../gql/graphql';

type Inquiry = NonNullable<LeadDetailFieldsFragment['inquiry']>;

const lockedReasons: Record<string, string> = {
  LOCKED: 'Follow up on this lead to see the seller\'s contact details.',
  REVOKED: 'The seller closed this request, so the contact details are no longer visible.',
  PARTNER_NOT_ONBOARDED: 'Your organisation is not onboarded by the platform (pending or suspended), so contact details are hidden.',
};

/** The seller's contact details, or why they are locked for this partner (the API decides, field by field). */
export function ContactBlock({ inquiry }: { inquiry: Inquiry }) {
  if (inquiry.contactAccess === 'VISIBLE' && inquiry.contact) {
    return (
      <section aria-labelledby="contact-title" className="card">
        <h2 id="contact-title">Contact</h2>
        <dl className="facts">
          <dt>Name</dt><dd>{inquiry.contact.name}</dd>
          <dt>Email</dt><dd><a href={`mailto:${inquiry.contact.email}`}>{inquiry.contact.email}</a></dd>
        </dl>
      </section>
    );
  }
  return (
    <section aria-labelledby="contact-title" className="locked-block">
      <h2 id="contact-title">Contact <span className="lock">locked</span></h2>
      <p>{lockedReasons[inquiry.contactAccess] ?? 'You cannot see the contact details of this request.'}</p>
    </section>
  );
}
