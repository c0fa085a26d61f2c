import { Link, useParams } from 'react-router';
import type { LeadStatus } from '@slp/shared';
import { BusinessProfile } from '../../../components/BusinessProfile';
import { PageTitle } from '../../../components/PageTitle';
import { TimeLeft } from '../../../components/TimeLeft';
import { Empty } from '../../../components/status';
import { useNode } from '../../../lib/use-node';
import type { LeadDetailFieldsFragment } from '../../../gql/graphql';
import { formatDate, humanize, listOf } from '../../../lib/labels';
import { LeadQuery } from '../api/operations';
import { ContactBlock } from '../components/ContactBlock';
import { LeadActions } from '../components/LeadActions';
import { PartnerStandingBanner, useBlockedReason } from '../components/PartnerStanding';
import { leadTabs } from '../tabs';

/** One lead: the seller's business profile, the contact block (locked until followed up), actions and history. */
export function LeadPage() {
  const { leadId = '' } = useParams();
  const { state, node: lead } = useNode(LeadQuery, leadId, 'Lead', 'this lead');
  const blocked = useBlockedReason();
  if (state) return state;
  if (!lead)
    return (
      <Empty>
        This lead does not exist or is not yours. <Link to="/leads">Back to the leads pool</Link>
      </Empty>
    );
  const tab = leadTabs.find((t) => t.status === lead.status);
  return (
    <section>
      <p>
        <Link to={`/leads${tab ? `?tab=${tab.key}` : ''}`}>← {tab?.label ?? 'Seller Leads Pool'}</Link>
      </p>
      <PageTitle title="Lead">{lead.inquiry ? `${humanize(lead.inquiry.productCategory)} seller` : 'Rejected lead'}</PageTitle>
      <PartnerStandingBanner />
      <p>
        Status: <span className={`status-pill status-${lead.status.toLowerCase()}`}>{humanize(lead.status)}</span>
        {lead.closeReason ? ` (${humanize(lead.closeReason)})` : ''} · {humanize(lead.source)}
      </p>
      {lead.services.length > 0 && (
        <p>
          {lead.services.length === 1 ? 'Service' : 'Services'} the seller chose: {listOf(lead.services.map((s) => s.title))}
        </p>
      )}
      {lead.respondBy && (
        <p className="notice">
          Follow up within <TimeLeft until={lead.respondBy} />, or the platform passes this lead to another partner.
        </p>
      )}
      <LeadActions leadId={lead.id} status={lead.status as LeadStatus} blocked={blocked} />
      <Outcome lead={lead} />
      {lead.inquiry ? (
        <>
          <ContactBlock lead={lead} inquiry={lead.inquiry} blocked={blocked !== null} />
          <h2>Business profile</h2>
          <BusinessProfile profile={{ ...lead.inquiry, otherChannelsGmv: lead.inquiry.otherChannelsGmv }} />
        </>
      ) : (
        <p className="locked-block">You rejected this lead, so the seller's information is no longer visible to you.</p>
      )}
      <h2>History</h2>
      <ol className="history">
        {lead.history.map((event, index) => (
          <li key={index}>
            <time dateTime={event.at}>{formatDate(event.at)}</time> — {humanize(event.type)}
            {event.actorRole ? ` by the ${event.actorRole.toLowerCase()}` : ''}
            {event.note && <span className="status-reason">Reason: {event.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What ended the lead: the deal's authorization, the reject reason, or the partner's closing note. */
function Outcome({ lead }: { lead: LeadDetailFieldsFragment }) {
  if (lead.authorization) {
    return (
      <p className="card">
        Deal reached {formatDate(lead.dealAt)} with authorization <strong>{lead.authorization.authorizationId}</strong>.
      </p>
    );
  }
  if (lead.rejectReason) {
    return (
      <p className="card">
        Rejected {formatDate(lead.rejectedAt)}: {humanize(lead.rejectReason)}
        {lead.rejectNote ? ` — ${lead.rejectNote}` : ''}
      </p>
    );
  }
  if (lead.closeNote) return <p className="card">Closing note: {lead.closeNote}</p>;
  return null;
}
