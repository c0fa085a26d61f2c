import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { TimeLeft } from '../../../components/TimeLeft';
import { queryState } from '../../../components/status';
import { humanize } from '../../../lib/labels';
import { ExpiringLeadsQuery } from '../api/deadlines';

/** Platform assignments nobody has followed up that expire within a day: they will pass to the next partner. */
export function ExpiringSoon() {
  const query = useQuery(ExpiringLeadsQuery, { fetchPolicy: 'cache-and-network', pollInterval: 60_000 });
  const leads = query.data?.expiringLeads ?? [];
  return (
    <section aria-labelledby="expiring-soon">
      <h2 id="expiring-soon">Expiring soon</h2>
      <p className="hint">
        Leads the platform assigned that nobody has followed up, due within 24 hours. At the deadline each passes to the next partner.
      </p>
      {queryState('expiring leads', query) ??
        (leads.length === 0 ? (
          <p>No lead expires in the next 24 hours.</p>
        ) : (
          <ul className="plain">
            {leads.map((lead) => (
              <li key={lead.id}>
                <TimeLeft until={lead.respondBy} /> — {lead.partner.name}:{' '}
                {lead.inquiry ? (
                  <Link to={`/operator/inquiries/${lead.inquiry.id}`}>{humanize(lead.inquiry.productCategory)} request</Link>
                ) : (
                  'request'
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
