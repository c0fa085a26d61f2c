import { useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { Empty } from '../../../components/status';
import { useNode } from '../../../lib/use-node';
import { humanize, languageList, listOf } from '../../../lib/labels';
import type { ServiceCardFieldsFragment } from '../../../gql/graphql';
import { PartnerQuery } from '../api/operations';
import { PartnerReviews } from '../components/PartnerReviews';
import { ServiceCard } from '../../../components/ServiceCard';

const distinct = (values: string[]) => [...new Set(values)];

/** What the partner does, in one sentence built from its services: "Offers store management for beauty sellers." */
function summary(services: ServiceCardFieldsFragment[]): string | null {
  if (services.length === 0) return null;
  const types = distinct(services.map((s) => humanize(s.serviceType).toLowerCase()));
  const categories = distinct(services.flatMap((s) => s.productCategories.map((c) => humanize(c).toLowerCase())));
  const forWhom =
    categories.length > 0 && categories.length <= 4 ? ` for ${listOf(categories)} sellers` : ' for sellers in many product categories';
  return `Offers ${listOf(types)}${forWhom}.`;
}

/** A partner's public page: who they are, what they offer, the public contact email, and their services. */
export function PartnerPage() {
  const { partnerId = '' } = useParams();
  const { state, node: partner } = useNode(PartnerQuery, partnerId, 'Partner', 'this partner');
  if (state) return state;
  if (!partner) return <Empty>This partner does not exist or is not public.</Empty>;
  const services = partner.services.edges.map((e) => e.node);
  const about = summary(services);
  return (
    <section>
      <PageTitle title={partner.name}>{partner.name}</PageTitle>
      {/* Only its members and operators see a partner that is not onboarded. */}
      {partner.status !== 'ONBOARDED' && (
        <p className="notice notice-warn">
          {partner.status === 'SUSPENDED'
            ? 'Suspended: hidden from sellers.'
            : 'Awaiting onboarding: hidden from sellers until the platform onboards it.'}
        </p>
      )}
      {about && <p className="lead-text">{about}</p>}
      {partner.description && (
        <section aria-labelledby="partner-about">
          <h2 id="partner-about">About {partner.name}</h2>
          <p className="partner-description">{partner.description}</p>
        </section>
      )}
      <dl className="facts">
        {partner.location && (
          <div>
            <dt>Based in</dt>
            <dd>{partner.location}</dd>
          </div>
        )}
        {partner.languages.length > 0 && (
          <div>
            <dt>Languages</dt>
            <dd>{languageList(partner.languages)}</dd>
          </div>
        )}
        <div>
          <dt>Contact email</dt>
          <dd>
            <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a>
          </dd>
        </div>
      </dl>
      <p className="hint">Sellers without a TikTok Shop account can only contact a partner by this email.</p>
      <PartnerReviews partnerId={partner.id} />
      <h2>Services</h2>
      {services.length === 0 ? (
        <Empty>This partner lists no services yet.</Empty>
      ) : (
        <div className="cards">
          {services.map((s) => (
            <ServiceCard key={s.id} service={s} showPartner={false} />
          ))}
        </div>
      )}
    </section>
  );
}
