import { graphql } from '../../../gql';

export const ReviewPartnerMutation = graphql(`
  mutation ReviewPartner($input: ReviewPartnerInput!) {
    reviewPartner(input: $input) {
      review {
        id
        rating
        comment
        updatedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
