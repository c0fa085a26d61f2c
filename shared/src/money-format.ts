/** An exact amount with its ISO 4217 currency, as the API returns it. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/** The app's UI and emails are in English; numbers follow its conventions. */
const LOCALE = 'en-US';
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format;
}

/**
 * An amount as a person reads it: "$2,000.00", "€1,250.50", "¥1,000". The decimal string goes to
 * Intl as it is, so no digit passes through a float.
 */
export function formatMoney(money: MoneyValue | null | undefined): string {
  return money ? currencyFormat(money.currency).format(money.amount as Intl.StringNumericLiteral) : '—';
}

/** A price range, "$2,000.00 – $7,000.00"; one end alone reads "from …" or "up to …". */
export function formatMoneyRange(from: MoneyValue | null | undefined, to: MoneyValue | null | undefined): string | null {
  if (from && to && from.currency === to.currency) {
    if (from.amount === to.amount) return formatMoney(from);
    return currencyFormat(from.currency).formatRange(from.amount as Intl.StringNumericLiteral, to.amount as Intl.StringNumericLiteral);
  }
  if (from && to) return `${formatMoney(from)} – ${formatMoney(to)}`;
  if (from) return `from ${formatMoney(from)}`;
  if (to) return `up to ${formatMoney(to)}`;
  return null;
}
