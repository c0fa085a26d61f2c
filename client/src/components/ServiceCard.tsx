import { Link } from 'react-router';
import type { ServiceCardFieldsFragment } from '../gql/graphql';
import { formatMoneyRange, humanize } from '../lib/labels';

/** One service in the directory or on a partner's page, with the way to ask its partner. */
export function ServiceCard({ service, showPartner = true }: { service: ServiceCardFieldsFragment; showPartner?: boolean }) {
  const range = formatMoneyRange(service.priceFrom, service.priceTo);
  const price = range ? `${range} / month` : 'Price on request';
  return (
    <article className="card" aria-labelledby={`service-${service.id}`}>
      <h3 id={`service-${service.id}`}>{service.title}</h3>
      {showPartner && (
        <p>
          <Link to={`/partners/${service.partner.id}`}>{service.partner.name}</Link>
          {service.partner.location ? ` · ${service.partner.location}` : ''}
        </p>
      )}
      <p className="tags">
        <span className="tag">{humanize(service.serviceType)}</span>
        {service.productCategories.map((c) => (
          <span key={c} className="tag tag-muted">
            {humanize(c)}
          </span>
        ))}
      </p>
      {service.description && <p>{service.description}</p>}
      <p className="price">{price}</p>
      {service.public ? (
        <Link className="button" to={`/requests/new?service=${encodeURIComponent(service.id)}`}>
          Contact partner
        </Link>
      ) : (
        <p className="hint">Not public: sellers cannot target it.</p>
      )}
    </article>
  );
}
