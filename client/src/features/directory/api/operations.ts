import { graphql } from '../../../gql';

export const ServiceCardFields = graphql(`
  fragment ServiceCardFields on Service {
    id
    title
    description
    serviceType
    productCategories
    public
    priceFrom {
      amount
      currency
    }
    priceTo {
      amount
      currency
    }
    partner {
      id
      name
      location
    }
  }
`);

export const DirectoryQuery = graphql(`
  query Directory($first: Int, $after: String, $filter: ServiceFilter) {
    services(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ServiceCardFields
        }
      }
    }
  }
`);

export const PartnerQuery = graphql(`
  query PartnerPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Partner {
        id
        name
        description
        contactEmail
        location
        status
        languages
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
