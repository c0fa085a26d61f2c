import { currencies, isCurrencyCode } from './currencies.js';

/** Upper bound on whole digits of any amount: numeric(19,4) in the database. */
export const MAX_WHOLE_DIGITS = 15;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Why an amount is not acceptable in a currency, or null when it is. Amounts are exact decimal
 * strings, never floats: "12500.00", not 12500.
 */
export function moneyAmountProblem(amount: string, currency: string): string | null {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return 'Enter an amount of 0 or more, with digits and an optional decimal point';
  if (match[1].replace(/^0+(?=\d)/, '').length > MAX_WHOLE_DIGITS) return 'Amount is too large';
  const decimals = (match[2] ?? '').replace(/0+$/, '').length;
  if (isCurrencyCode(currency) && decimals > currencies[currency]) {
    return `${currency} amounts take at most ${currencies[currency]} decimal places`;
  }
  return null;
}

/** Renders a validated amount with exactly the currency's minor-unit digits: "12500" in USD -> "12500.00". */
export function formatAmount(amount: string, currency: string): string {
  const digits = isCurrencyCode(currency) ? currencies[currency] : 2;
  const [whole, fraction = ''] = amount.split('.');
  const trimmedWhole = whole.replace(/^(-?)0+(?=\d)/, '$1');
  if (digits === 0) return trimmedWhole;
  return `${trimmedWhole}.${fraction.padEnd(digits, '0').slice(0, digits)}`;
}

/** Compares two non-negative decimal strings exactly: -1, 0 or 1. */
export function compareAmounts(a: string, b: string): number {
  const [aw, af = ''] = a.split('.');
  const [bw, bf = ''] = b.split('.');
  const wa = aw.replace(/^0+/, '');
  const wb = bw.replace(/^0+/, '');
  if (wa.length !== wb.length) return wa.length < wb.length ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const left = wa + af.padEnd(width, '0');
  const right = wb + bf.padEnd(width, '0');
  return left === right ? 0 : left < right ? -1 : 1;
}
