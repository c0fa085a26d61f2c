import { graphql } from '../../../gql';

export const OpenInquiryQueueQuery = graphql(`
  query OpenInquiryQueue($first: Int, $after: String, $last: Int, $before: String) {
    openInquiryQueue(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          createdAt
          serviceType
          productCategory
          companySize
          location
          budget {
            amount
            currency
          }
          leads(first: 100) {
            edges {
              node {
                id
                status
              }
            }
          }
        }
      }
    }
  }
`);

export const OperatorInquiryQuery = graphql(`
  query OperatorInquiry($id: ID!) {
    node(id: $id) {
      __typename
      ... on Inquiry {
        id
        status
        requestType
        serviceType
        location
        language
        companySize
        productCategory
        hotSaleProduct
        otherDetails
        createdAt
        shopGmv {
          amount
          currency
        }
        otherChannelsGmv {
          amount
          currency
        }
        budget {
          amount
          currency
        }
        leads(first: 100) {
          edges {
            node {
              id
              status
              closeReason
              source
              createdAt
              partner {
                id
                name
              }
              history {
                type
                note
              }
            }
          }
        }
      }
    }
  }
`);

export const RecommendedPartnersQuery = graphql(`
  query RecommendedPartners($inquiryId: ID!) {
    recommendedPartners(inquiryId: $inquiryId, first: 20) {
      score
      partner {
        id
        name
        location
      }
      service {
        id
        title
      }
      reasons {
        factor
        weight
        value
        explanation
      }
    }
  }
`);

export const AssignPartnersMutation = graphql(`
  mutation AssignPartners($input: AssignPartnersInput!) {
    assignPartners(input: $input) {
      leads {
        id
        status
        source
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

export const UnassignLeadMutation = graphql(`
  mutation UnassignLead($input: UnassignLeadInput!) {
    unassignLead(input: $input) {
      lead {
        id
        status
        closeReason
        history {
          type
          note
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
