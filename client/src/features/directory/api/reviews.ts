import { graphql } from '../../../gql';

export const PartnerRecordQuery = graphql(`
  query PartnerRecord($id: ID!) {
    node(id: $id) {
      __typename
      ... on Partner {
        id
        rating
        reviewCount
        medianHoursToFollowUp
        expiredLeadShare
        reviews(first: 20) {
          totalCount
          edges {
            node {
              id
              rating
              comment
              createdAt
              hiddenAt
              hiddenReason
            }
          }
        }
      }
    }
  }
`);
