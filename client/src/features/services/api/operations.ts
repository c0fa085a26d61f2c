import { graphql } from '../../../gql';

export const MyServicesQuery = graphql(`
  query MyServices {
    viewer { partner { id name status services(first: 100) { totalCount edges { node { ...ServiceCardFields } } } } }
  }
`);

export const PublishServiceMutation = graphql(`
  mutation PublishService($input: PublishServiceInput!) {
    publishService(input: $input) { service { ...ServiceCardFields } userErrors { field message code } }
  }
`);
