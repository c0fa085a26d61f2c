import { describe, expect, it } from 'vitest';
import { LeadStatus } from './enums.js';
import { LeadAction, canApply, leadTransitions, partnerActions } from './lead-lifecycle.js';

/** SPEC section 3, written out once more by hand so the table cannot drift unnoticed. */
const specRows: [LeadAction, LeadStatus[], LeadStatus][] = [
  [LeadAction.FOLLOW_UP, [LeadStatus.NEW], LeadStatus.FOLLOWING],
  [LeadAction.REJECT, [LeadStatus.NEW], LeadStatus.REJECTED],
  [LeadAction.ACCEPT_COOPERATION, [LeadStatus.FOLLOWING], LeadStatus.DEAL],
  [LeadAction.AUTHORIZATION_MATCHED, [LeadStatus.FOLLOWING], LeadStatus.DEAL],
  [LeadAction.MARK_NO_AGREEMENT, [LeadStatus.FOLLOWING], LeadStatus.CLOSED],
  [LeadAction.SELLER_CLOSE, [LeadStatus.NEW, LeadStatus.FOLLOWING], LeadStatus.CLOSED],
  [LeadAction.EXPIRE, [LeadStatus.NEW], LeadStatus.CLOSED],
];

describe('lead lifecycle table', () => {
  it.each(specRows)('%s moves %j to %s and nothing else', (action, from, to) => {
    expect(leadTransitions[action].to).toBe(to);
    for (const status of Object.values(LeadStatus)) {
      expect(canApply(action, status)).toBe(from.includes(status));
    }
  });

  it('leaves DEAL, REJECTED and CLOSED final', () => {
    for (const status of [LeadStatus.DEAL, LeadStatus.REJECTED, LeadStatus.CLOSED]) {
      expect(Object.values(LeadAction).filter((action) => canApply(action, status))).toEqual([]);
    }
  });

  it('offers partners only their own actions', () => {
    expect(partnerActions(LeadStatus.NEW)).toEqual([LeadAction.FOLLOW_UP, LeadAction.REJECT]);
    expect(partnerActions(LeadStatus.FOLLOWING)).toEqual([LeadAction.ACCEPT_COOPERATION, LeadAction.MARK_NO_AGREEMENT]);
    expect(partnerActions(LeadStatus.DEAL)).toEqual([]);
  });
});
