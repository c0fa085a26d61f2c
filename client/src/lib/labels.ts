import { companySizeLabels } from '@slp/shared';

/** "STORE_MANAGEMENT" -> "Store management": enum values as a person reads them. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function companySizeLabel(size: string): string {
  return companySizeLabels[size as keyof typeof companySizeLabels] ?? humanize(size);
}

export function formatMoney(money: { amount: string; currency: string } | null | undefined): string {
  return money ? `${money.amount} ${money.currency}` : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/** Every value of a string enum object, for <select> options. */
export function enumValues<T extends Record<string, string>>(values: T): T[keyof T][] {
  return Object.values(values) as T[keyof T][];
}
