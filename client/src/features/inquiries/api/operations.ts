import { graphql } from '../../../gql';

export const InquiryFields = graphql(`
  fragment InquiryFields on Inquiry {
    id
    version
    status
    requestType
    serviceType
    location
    language
    companySize
    productCategory
    hotSaleProduct
    otherDetails
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
    contact {
      name
      email
    }
    contactAccess
    createdAt
    updatedAt
    closedAt
    targetServices {
      id
      title
      partner {
        id
        name
      }
    }
    leads(first: 50) {
      totalCount
      edges {
        node {
          id
          status
          source
          closeReason
          createdAt
          partner {
            id
            name
          }
          service {
            id
            title
          }
          services {
            id
            title
          }
          review {
            id
            rating
            comment
          }
        }
      }
    }
  }
`);

export const MyInquiriesQuery = graphql(`
  query MyInquiries($first: Int, $after: String, $last: Int, $before: String) {
    myInquiries(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...InquiryFields
        }
      }
    }
  }
`);

export const InquiryQuery = graphql(`
  query Inquiry($id: ID!) {
    node(id: $id) {
      __typename
      ... on Inquiry {
        ...InquiryFields
      }
    }
  }
`);

export const SubmitInquiryMutation = graphql(`
  mutation SubmitInquiry($input: SubmitInquiryInput!) {
    submitInquiry(input: $input) {
      inquiry {
        ...InquiryFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateInquiryMutation = graphql(`
  mutation UpdateInquiry($input: UpdateInquiryInput!) {
    updateInquiry(input: $input) {
      inquiry {
        ...InquiryFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CloseInquiryMutation = graphql(`
  mutation CloseInquiry($input: CloseInquiryInput!) {
    closeInquiry(input: $input) {
      inquiry {
        ...InquiryFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CloseLeadMutation = graphql(`
  mutation CloseLead($input: CloseLeadInput!) {
    closeLead(input: $input) {
      lead {
        id
        status
        closeReason
        closedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PickableServicesQuery = graphql(`
  query PickableServices($search: String) {
    services(first: 20, filter: { search: $search }) {
      totalCount
      edges {
        node {
          id
          title
          serviceType
          partner {
            id
            name
          }
        }
      }
    }
  }
`);

export const ChosenServiceQuery = graphql(`
  query ChosenService($id: ID!) {
    node(id: $id) {
      __typename
      ... on Service {
        id
        title
        serviceType
        public
        partner {
          id
          name
        }
      }
    }
  }
`);
