import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyRange } from './money-format.js';

describe('formatMoney', () => {
  it('reads as a currency amount, with grouping and the currency minor unit', () => {
    expect(formatMoney({ amount: '2000.00', currency: 'USD' })).toBe('$2,000.00');
    expect(formatMoney({ amount: '1250.5', currency: 'EUR' })).toBe('€1,250.50');
    expect(formatMoney({ amount: '1000', currency: 'JPY' })).toBe('¥1,000');
    expect(formatMoney(null)).toBe('—');
  });

  it('keeps every digit of amounts beyond float precision', () => {
    expect(formatMoney({ amount: '999999999999999.99', currency: 'USD' })).toBe('$999,999,999,999,999.99');
  });
});

describe('formatMoneyRange', () => {
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  it('joins both ends, or says which end is given', () => {
    expect(formatMoneyRange(usd('2000.00'), usd('7000.00'))).toBe('$2,000.00 – $7,000.00');
    expect(formatMoneyRange(usd('500'), usd('500'))).toBe('$500.00');
    expect(formatMoneyRange(usd('500'), null)).toBe('from $500.00');
    expect(formatMoneyRange(null, usd('900'))).toBe('up to $900.00');
    expect(formatMoneyRange(null, null)).toBeNull();
  });
});
