import { CompanySize, LeadSource, ProductCategory, ServiceType } from '@slp/shared';
import type { LeadFilter } from '../../../gql/graphql';
import { companySizeLabel, enumValues, humanize } from '../../../lib/labels';

const filters: { key: keyof LeadFilter; label: string; options: { value: string; label: string }[] }[] = [
  { key: 'serviceType', label: 'Service type', options: enumValues(ServiceType).map((v) => ({ value: v, label: humanize(v) })) },
  { key: 'productCategory', label: 'Product category', options: enumValues(ProductCategory).map((v) => ({ value: v, label: humanize(v) })) },
  { key: 'companySize', label: 'Company size', options: enumValues(CompanySize).map((v) => ({ value: v, label: companySizeLabel(v) })) },
  { key: 'source', label: 'Source', options: enumValues(LeadSource).map((v) => ({ value: v, label: humanize(v) })) },
];

/** The API's lead filters as selects; an empty choice means "any". */
export function LeadFilters({ value, onChange }: { value: LeadFilter; onChange: (filter: LeadFilter) => void }) {
  return (
    <form className="filters" aria-label="Filter leads" onSubmit={(e) => e.preventDefault()}>
      {filters.map((filter) => (
        <label key={filter.key}>{filter.label}
          <select value={value[filter.key] ?? ''} onChange={(e) => onChange({ ...value, [filter.key]: e.target.value || null })}>
            <option value="">Any</option>
            {filter.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      ))}
    </form>
  );
}
