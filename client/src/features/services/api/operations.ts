import { graphql } from '../../../gql';

export const MyServicesQuery = graphql(`
  query MyServices {
    viewer {
      partner {
        id
        name
        status
        description
        services(first: 100) {
          totalCount
          edges {
            node {
              ...ServiceCardFields
            }
          }
        }
      }
    }
  }
`);

export const PublishServiceMutation = graphql(`
  mutation PublishService($input: PublishServiceInput!) {
    publishService(input: $input) {
      service {
        ...ServiceCardFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdatePartnerProfileMutation = graphql(`
  mutation UpdatePartnerProfile($input: UpdatePartnerProfileInput!) {
    updatePartnerProfile(input: $input) {
      partner {
        id
        description
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
