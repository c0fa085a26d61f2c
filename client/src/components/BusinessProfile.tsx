import { companySizeLabel, formatMoney, humanize, languageName } from '../lib/labels';

interface Money {
  amount: string;
  currency: string;
}
export interface ProfileData {
  requestType: string;
  serviceType?: string | null;
  location?: string | null;
  language?: string | null;
  companySize: string;
  shopGmv: Money;
  otherChannelsGmv?: Money | null;
  budget: Money;
  productCategory: string;
  hotSaleProduct?: string | null;
  otherDetails?: string | null;
}

/** An inquiry's business profile as a definition list: what a partner reviews before following up. */
export function BusinessProfile({ profile }: { profile: ProfileData }) {
  const rows: [string, string][] = [
    ['Request type', profile.requestType === 'OPEN' ? `Referral (${humanize(profile.serviceType)})` : 'Chosen partners'],
    ['Company size', companySizeLabel(profile.companySize)],
    ['Product category', humanize(profile.productCategory)],
    ['TikTok Shop GMV / month', formatMoney(profile.shopGmv)],
    ['Other channels GMV / month', formatMoney(profile.otherChannelsGmv)],
    ['Budget / month', formatMoney(profile.budget)],
    ['Location', profile.location ?? '—'],
    ['Preferred language', languageName(profile.language)],
    ['Hot sale product', profile.hotSaleProduct ?? '—'],
    ['Other details', profile.otherDetails ?? '—'],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
