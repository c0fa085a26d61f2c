import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import { evictLists } from './cache';

// Granting is offered on the seller's request page and on the authorizations page: one action for both.
export const GrantAuthorizationMutation = graphql(`
  mutation GrantAuthorization($input: GrantAuthorizationInput!) {
    grantAuthorization(input: $input) {
      authorization {
        id
        authorizationId
        grantedAt
        revokedAt
        partner {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * Granting reaches a deal on this partner's FOLLOWING leads of the seller, so the seller's requests on
 * screen refetch along with the list of authorizations.
 */
export function useGrantAuthorization() {
  const [grant] = useMutation(GrantAuthorizationMutation, {
    update: (cache) => evictLists(cache, 'myAuthorizations', 'myInquiries'),
    refetchQueries: ['Inquiry'],
  });
  return async (partnerId: string) => (await grant({ variables: { input: { partnerId } } })).data?.grantAuthorization;
}

/** The toast after a grant: the ID the seller reads out to the partner. */
export function granted(payload: { authorization?: { authorizationId: string; partner: { name: string } } | null }): string {
  return payload.authorization
    ? `Authorization ${payload.authorization.authorizationId} granted to ${payload.authorization.partner.name}.`
    : 'Authorization granted.';
}
