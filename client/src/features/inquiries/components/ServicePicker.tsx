import { useEffect, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { limits } from '@slp/shared';
import { Loading } from '../../../components/status';
import { humanize } from '../../../lib/labels';
import { useDebounced } from '../../../lib/use-debounced';
import { ChosenServiceQuery, PickableServicesQuery } from '../api/operations';

interface PickedService {
  id: string;
  title: string;
  partner: { name: string };
}

/**
 * Searchable choice of public services for a TARGET request, at most 50 at once. `initialId` is the
 * service a "Contact partner" link came from.
 */
export function ServicePicker({
  value,
  onChange,
  error,
  initialId,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  initialId?: string | null;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, PickedService>>({});
  const results = useQuery(PickableServicesQuery, { variables: { search: useDebounced(search.trim()) || null } });
  const initial = useQuery(ChosenServiceQuery, { variables: { id: initialId ?? '' }, skip: !initialId });
  const initialService = initial.data?.node?.__typename === 'Service' ? initial.data.node : null;
  useEffect(() => {
    if (initialService) setKnown((k) => ({ ...k, [initialService.id]: initialService }));
  }, [initialService]);
  const full = value.length >= limits.targetServicesMax;
  const toggle = (service: PickedService, checked: boolean) => {
    setKnown((k) => ({ ...k, [service.id]: service }));
    onChange(checked ? [...value, service.id] : value.filter((v) => v !== service.id));
  };
  const services = results.data?.services.edges.map((e) => e.node) ?? [];
  return (
    <fieldset className={error ? 'picker field-invalid' : 'picker'} aria-describedby={`${id}-count ${error ? `${id}-error` : ''}`}>
      <legend>
        Services <span aria-hidden="true">*</span>
      </legend>
      <p id={`${id}-count`} className="hint" aria-live="polite">
        {value.length} of at most {limits.targetServicesMax} chosen{full ? ' — remove one to choose another' : ''}
      </p>
      {value.length > 0 && (
        <ul className="chips" aria-label="Chosen services">
          {value.map((serviceId) => (
            <li key={serviceId}>
              {known[serviceId] ? `${known[serviceId].title} (${known[serviceId].partner.name})` : 'Service'}
              <button
                type="button"
                aria-label={`Remove ${known[serviceId]?.title ?? 'service'}`}
                onClick={() => onChange(value.filter((v) => v !== serviceId))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        Search services
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Service or partner name" />
      </label>
      {results.loading && !results.data ? (
        <Loading what="services" />
      ) : (
        <ul className="picker-results">
          {services.length === 0 && <li className="hint">No public service matches.</li>}
          {services.map((service) => {
            const checked = value.includes(service.id);
            return (
              <li key={service.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && full}
                    onChange={(e) => toggle(service, e.target.checked)}
                  />
                  {service.title} — {service.partner.name} <span className="tag">{humanize(service.serviceType)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
