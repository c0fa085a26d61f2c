import { companySizeLabels } from '@slp/shared';

export { formatMoney, formatMoneyRange } from '@slp/shared';

/** "STORE_MANAGEMENT" -> "Store management": enum values as a person reads them. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function companySizeLabel(size: string): string {
  return companySizeLabels[size as keyof typeof companySizeLabels] ?? humanize(size);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "es" -> "Spanish"; a code Intl does not know stays as it is. */
export function languageName(code: string | null | undefined): string {
  if (!code) return '—';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const lists = new Intl.ListFormat('en', { type: 'conjunction' });

/** "a, b and c". */
export function listOf(words: readonly string[]): string {
  return lists.format(words);
}

/** "English and Spanish" from ["en", "es"]. */
export function languageList(codes: readonly string[]): string {
  return listOf(codes.map(languageName));
}

const roleNames: Record<string, string> = { SELLER: 'a seller', PARTNER: 'a partner', OPERATOR: 'an operator' };

/** "an operator": a role as a sentence names it. */
export function roleWithArticle(role: string): string {
  return roleNames[role] ?? `a ${role.toLowerCase()}`;
}

export function formatDate(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/** Every value of a string enum object, for <select> options. */
export function enumValues<T extends Record<string, string>>(values: T): T[keyof T][] {
  return Object.values(values) as T[keyof T][];
}
