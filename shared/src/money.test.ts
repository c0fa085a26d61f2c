import { describe, expect, it } from 'vitest';
import { compareAmounts, formatAmount, moneyAmountProblem } from './money.js';

describe('moneyAmountProblem', () => {
  it.each([
    ['0', 'USD'],
    ['12500', 'USD'],
    ['12500.50', 'USD'],
    ['12500.500', 'USD'],
    ['1000', 'JPY'],
    ['1.250', 'EUR'],
    ['999999999999999.99', 'USD'],
  ])('accepts %s %s', (amount, currency) => {
    expect(moneyAmountProblem(amount, currency)).toBeNull();
  });

  it.each([
    ['-1', 'USD', 'Enter an amount of 0 or more, with digits and an optional decimal point'],
    ['1e3', 'USD', 'Enter an amount of 0 or more, with digits and an optional decimal point'],
    ['', 'USD', 'Enter an amount of 0 or more, with digits and an optional decimal point'],
    ['1.', 'USD', 'Enter an amount of 0 or more, with digits and an optional decimal point'],
    ['1000000000000000', 'USD', 'Amount is too large'],
    ['10.001', 'USD', 'USD amounts take at most 2 decimal places'],
    ['10.5', 'JPY', 'JPY amounts take at most 0 decimal places'],
  ])('refuses %s %s', (amount, currency, problem) => {
    expect(moneyAmountProblem(amount, currency)).toBe(problem);
  });
});

describe('formatAmount', () => {
  it('pads or trims to the currency minor unit', () => {
    expect(formatAmount('12500', 'USD')).toBe('12500.00');
    expect(formatAmount('0012500.5', 'USD')).toBe('12500.50');
    expect(formatAmount('1000.0000', 'JPY')).toBe('1000');
    expect(formatAmount('1.5', 'XXX')).toBe('1.50');
    expect(formatAmount('2500', 'VND')).toBe('2500');
  });
});

describe('compareAmounts', () => {
  it('compares exactly, beyond float precision', () => {
    expect(compareAmounts('10', '9.99')).toBe(1);
    expect(compareAmounts('010.50', '10.5')).toBe(0);
    expect(compareAmounts('999999999999999.98', '999999999999999.99')).toBe(-1);
  });
});
