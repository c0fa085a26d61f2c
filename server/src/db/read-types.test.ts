import { describe, expectTypeOf, it } from 'vitest';
import { LeadAction } from '@slp/shared';
import type { LeadRead } from '../leads/lead-reads.js';
import type { Lead } from '../leads/lead.entity.js';
import type { InquiryRead } from '../inquiries/inquiry-reads.js';
import { assertTransition, transitionLead } from '../leads/lead-state-machine.js';

/**
 * Reads (db/lean-read.ts) are built from rows without the ORM: a to-one relation is only `{ id }`
 * and collections are missing, so a write handed one would persist a half-empty object. The types
 * keep them apart; `tsc -p server` (part of `pnpm lint`) checks these lines, and each
 * `@ts-expect-error` fails the build if a read ever fits where a write takes the entity.
 */
describe('a read is not an entity', () => {
  it('is refused by the writes that take the managed entity', () => {
    // Never run: the calls are here for the compiler.
    const refusals = (read: LeadRead, inquiry: InquiryRead, lead: Lead) => {
      // @ts-expect-error a transition changes the managed lead, which a read is not
      transitionLead(read, LeadAction.FOLLOW_UP);
      // @ts-expect-error nor may a read be checked as one
      assertTransition(read, LeadAction.FOLLOW_UP);
      // @ts-expect-error a read's columns are read-only
      read.status = lead.status;
      // @ts-expect-error a read cannot become a relation of an entity that is written
      lead.inquiry = inquiry;
      // The entity itself still goes through.
      return transitionLead(lead, LeadAction.FOLLOW_UP);
    };
    expectTypeOf(refusals).toBeFunction();
  });

  it('has references as ids and no collections, while an entity still fits where a read is expected', () => {
    expectTypeOf<LeadRead>().not.toExtend<Lead>();
    expectTypeOf<Lead>().toExtend<LeadRead>();
    expectTypeOf<LeadRead['inquiry']>().toEqualTypeOf<{ readonly id: number }>();
    expectTypeOf<LeadRead>().not.toHaveProperty('events');
  });
});
