import { graphql } from '../../../gql';

export const ExpiringLeadsQuery = graphql(`
  query ExpiringLeads {
    expiringLeads(withinHours: 24, first: 50) {
      id
      respondBy
      partner {
        id
        name
      }
      inquiry {
        id
        productCategory
      }
    }
  }
`);
