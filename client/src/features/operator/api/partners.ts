import { graphql } from '../../../gql';

export const PartnersQuery = graphql(`
  query Partners($status: PartnerStatus) {
    partners(status: $status, first: 100) { totalCount edges { node { id name contactEmail location status capacity } } }
  }
`);

export const SetPartnerStatusMutation = graphql(`
  mutation SetPartnerStatus($input: SetPartnerStatusInput!) {
    setPartnerStatus(input: $input) { partner { id status } userErrors { field message code } }
  }
`);
