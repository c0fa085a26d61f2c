/** Supported ISO 4217 currencies with their minor-unit digits (how many decimals an amount may carry). */
export const currencies = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  PHP: 2,
  IDR: 2,
  VND: 0,
  JPY: 0,
  KRW: 0,
  CNY: 2,
  HKD: 2,
  TWD: 2,
  MXN: 2,
  BRL: 2,
  SAR: 2,
  AED: 2,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof currencies;

export const currencyCodes = Object.keys(currencies) as CurrencyCode[];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(currencies, code);
}
