import { graphql } from '../../../gql';

export const AuthorizationFields = graphql(`
  fragment AuthorizationFields on SellerAuthorization {
    id
    authorizationId
    grantedAt
    revokedAt
    partner {
      id
      name
    }
  }
`);

export const MyAuthorizationsQuery = graphql(`
  query MyAuthorizations {
    myAuthorizations {
      ...AuthorizationFields
    }
  }
`);

export const RevokeAuthorizationMutation = graphql(`
  mutation RevokeAuthorization($input: RevokeAuthorizationInput!) {
    revokeAuthorization(input: $input) {
      authorization {
        ...AuthorizationFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The partners of the seller's latest 100 requests: the ones it may want to authorize. */
export const AuthorizablePartnersQuery = graphql(`
  query AuthorizablePartners {
    myInquiries(first: 100) {
      edges {
        node {
          id
          leads(first: 50) {
            edges {
              node {
                id
                partner {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);
