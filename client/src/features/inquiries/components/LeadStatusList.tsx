import type { InquiryFieldsFragment } from '../../../gql/graphql';
import { humanize } from '../../../lib/labels';

type Leads = InquiryFieldsFragment['leads']['edges'];

/** Each partner's status on one request, e.g. "Brightlane Commerce: Following". */
export function LeadStatusList({ leads }: { leads: Leads }) {
  if (leads.length === 0) return <span className="hint">No partner yet</span>;
  return (
    <ul className="plain">
      {leads.map(({ node }) => (
        <li key={node.id}>
          {node.partner.name}: <span className={`status-pill status-${node.status.toLowerCase()}`}>{humanize(node.status)}</span>
        </li>
      ))}
    </ul>
  );
}
