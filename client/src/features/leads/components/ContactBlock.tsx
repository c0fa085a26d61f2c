import type { LeadDetailFieldsFragment } from '../../../gql/graphql';

type Inquiry = NonNullable<LeadDetailFieldsFragment['inquiry']>;

/** Why the contact is hidden for good, by what ended the lead. */
const revokedReasons: Record<string, string> = {
  NO_AGREEMENT: "You closed this lead without reaching an agreement, so the seller's contact details are no longer visible.",
  SELLER_CLOSED: 'The seller closed this request, so the contact details are no longer visible.',
  EXPIRED: 'Nobody followed this lead up in time, so the contact details are no longer visible.',
};

const notOnboarded =
  'Your organisation is not onboarded by the platform (pending or suspended), so contact details are hidden until it is.';

/** `blocked`: the viewer's partner cannot follow up now, so "follow up to see them" would mislead. */
function lockedReason(lead: LeadDetailFieldsFragment, inquiry: Inquiry, blocked: boolean): string {
  switch (inquiry.contactAccess) {
    case 'LOCKED':
      return blocked ? notOnboarded : "Follow up on this lead to see the seller's contact details.";
    case 'PARTNER_NOT_ONBOARDED':
      return notOnboarded;
    default:
      return (lead.closeReason && revokedReasons[lead.closeReason]) ?? 'You cannot see the contact details of this request.';
  }
}

/** The seller's contact details, or why they are locked for this partner (the API decides, field by field). */
export function ContactBlock({ lead, inquiry, blocked }: { lead: LeadDetailFieldsFragment; inquiry: Inquiry; blocked: boolean }) {
  if (inquiry.contactAccess === 'VISIBLE' && inquiry.contact) {
    return (
      <section aria-labelledby="contact-title" className="card">
        <h2 id="contact-title">Contact</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{inquiry.contact.name}</dd>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${inquiry.contact.email}`}>{inquiry.contact.email}</a>
          </dd>
        </dl>
      </section>
    );
  }
  return (
    <section aria-labelledby="contact-title" className="locked-block">
      <h2 id="contact-title">
        Contact <span className="lock">locked</span>
      </h2>
      <p>{lockedReason(lead, inquiry, blocked)}</p>
    </section>
  );
}
