import { Field, ObjectType } from 'type-graphql';
import { formatAmount } from '@slp/shared';
import { DecimalScalar } from './scalars.js';

@ObjectType({ description: 'An exact amount of money in a currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'Exact amount with the currency\'s minor-unit digits, e.g. "12500.00".' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency!: string;
}

export function money(amount: string | null | undefined, currency: string | null | undefined): Money | null {
  if (amount == null || !currency) return null;
  return { amount: formatAmount(amount, currency), currency };
}
