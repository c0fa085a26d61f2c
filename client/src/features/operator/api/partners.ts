import { graphql } from '../../../gql';

export const PartnersQuery = graphql(`
  query Partners($status: PartnerStatus, $first: Int, $after: String, $last: Int, $before: String) {
    partners(status: $status, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          contactEmail
          location
          status
          statusReason
          statusChangedAt
          capacity
        }
      }
    }
  }
`);

export const SetPartnerStatusMutation = graphql(`
  mutation SetPartnerStatus($input: SetPartnerStatusInput!) {
    setPartnerStatus(input: $input) {
      partner {
        id
        status
        statusReason
        statusChangedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
