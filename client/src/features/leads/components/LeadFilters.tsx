import { CompanySize, LeadSource, ProductCategory, ServiceType } from '@slp/shared';
import type { LeadFilter } from '../../../gql/graphql';
import { companySizeLabel, enumValues, humanize } from '../../../lib/labels';

type ChoiceKey = 'serviceType' | 'productCategory' | 'companySize' | 'source';

const choices: { key: ChoiceKey; label: string; profile: boolean; options: { value: string; label: string }[] }[] = [
  {
    key: 'serviceType',
    label: 'Service type',
    profile: true,
    options: enumValues(ServiceType).map((v) => ({ value: v, label: humanize(v) })),
  },
  {
    key: 'productCategory',
    label: 'Product category',
    profile: true,
    options: enumValues(ProductCategory).map((v) => ({ value: v, label: humanize(v) })),
  },
  {
    key: 'companySize',
    label: 'Company size',
    profile: true,
    options: enumValues(CompanySize).map((v) => ({ value: v, label: companySizeLabel(v) })),
  },
  { key: 'source', label: 'Source', profile: false, options: enumValues(LeadSource).map((v) => ({ value: v, label: humanize(v) })) },
];

const amounts = [
  { key: 'budgetMin', label: 'Budget from' },
  { key: 'budgetMax', label: 'Budget up to' },
] as const;

/**
 * The API's lead filters; an empty choice means "any". `profile: false` (rejected leads, whose
 * business profile the partner no longer sees) leaves only what the lead itself says.
 */
export function LeadFilters({
  value,
  onChange,
  profile = true,
}: {
  value: LeadFilter;
  onChange: (filter: LeadFilter) => void;
  profile?: boolean;
}) {
  const set = (key: keyof LeadFilter, next: string) => onChange({ ...value, [key]: next || null });
  return (
    <form className="filters" aria-label="Filter leads" onSubmit={(e) => e.preventDefault()}>
      {choices
        .filter((choice) => profile || !choice.profile)
        .map((choice) => (
          <label key={choice.key}>
            {choice.label}
            <select value={value[choice.key] ?? ''} onChange={(e) => set(choice.key, e.target.value)}>
              <option value="">Any</option>
              {choice.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      {profile &&
        amounts.map((amount) => (
          <label key={amount.key}>
            {amount.label}
            <input
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={value[amount.key] ?? ''}
              onChange={(e) => set(amount.key, e.target.value)}
            />
          </label>
        ))}
    </form>
  );
}
