import { useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { Empty } from '../../../components/status';
import { useNode } from '../../../lib/use-node';
import { humanize } from '../../../lib/labels';
import { PartnerQuery } from '../api/operations';
import { ServiceCard } from '../components/ServiceCard';

/** A partner's public page: who they are, the public contact email, and their services. */
export function PartnerPage() {
  const { partnerId = '' } = useParams();
  const { state, node: partner } = useNode(PartnerQuery, partnerId, 'Partner', 'this partner');
  if (state) return state;
  if (!partner) return <Empty>This partner does not exist or is not public.</Empty>;
  const services = partner.services.edges.map((e) => e.node);
  return (
    <section>
      <PageTitle title={partner.name}>{partner.name}</PageTitle>
      <dl className="facts">
        {partner.location && <><dt>Location</dt><dd>{partner.location}</dd></>}
        {partner.languages.length > 0 && <><dt>Languages</dt><dd>{partner.languages.join(', ')}</dd></>}
        <dt>Status</dt><dd>{humanize(partner.status)}</dd>
        <dt>Contact email</dt><dd><a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a></dd>
      </dl>
      <p className="hint">Sellers without a TikTok Shop account can only contact a partner by this email.</p>
      <h2>Services</h2>
      {services.length === 0 ? <Empty>This partner lists no services yet.</Empty>
        : <div className="cards">{services.map((s) => <ServiceCard key={s.id} service={s} showPartner={false} />)}</div>}
    </section>
  );
}
