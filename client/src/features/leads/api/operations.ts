import { graphql } from '../../../gql';

export const LeadRowFields = graphql(`
  fragment LeadRowFields on Lead {
    id
    status
    source
    createdAt
    updatedAt
    followedAt
    dealAt
    closedAt
    rejectedAt
    closeReason
    rejectReason
    rejectNote
    respondBy
    service {
      id
      title
      serviceType
    }
    services {
      id
      title
    }
    inquiry {
      id
      requestType
      serviceType
      companySize
      productCategory
      location
      language
      budget {
        amount
        currency
      }
      shopGmv {
        amount
        currency
      }
    }
  }
`);

export const LeadDetailFields = graphql(`
  fragment LeadDetailFields on Lead {
    ...LeadRowFields
    rejectNote
    closeNote
    authorization {
      id
      authorizationId
      grantedAt
      revokedAt
    }
    history {
      type
      at
      actorRole
      note
    }
    inquiry {
      id
      status
      contactAccess
      contact {
        name
        email
      }
      otherChannelsGmv {
        amount
        currency
      }
      hotSaleProduct
      otherDetails
      createdAt
      updatedAt
      closedAt
    }
  }
`);

export const LeadCountsQuery = graphql(`
  query LeadCounts {
    leadCounts {
      new
      following
      deal
      closed
    }
  }
`);

export const LeadsQuery = graphql(`
  query Leads(
    $status: LeadStatus!
    $filter: LeadFilter
    $orderBy: LeadOrder
    $search: String
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    leads(
      status: $status
      filter: $filter
      orderBy: $orderBy
      search: $search
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...LeadRowFields
        }
      }
    }
  }
`);

export const LeadQuery = graphql(`
  query Lead($id: ID!) {
    node(id: $id) {
      __typename
      ... on Lead {
        ...LeadDetailFields
      }
    }
  }
`);

export const FollowLeadMutation = graphql(`
  mutation FollowLead($input: FollowLeadInput!) {
    followLead(input: $input) {
      lead {
        ...LeadDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RejectLeadMutation = graphql(`
  mutation RejectLead($input: RejectLeadInput!) {
    rejectLead(input: $input) {
      lead {
        ...LeadDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AcceptCooperationMutation = graphql(`
  mutation AcceptCooperation($input: AcceptCooperationInput!) {
    acceptCooperation(input: $input) {
      lead {
        ...LeadDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const MarkNoAgreementMutation = graphql(`
  mutation MarkNoAgreement($input: MarkNoAgreementInput!) {
    markNoAgreement(input: $input) {
      lead {
        ...LeadDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const LeadAlertsSubscription = graphql(`
  subscription LeadAlerts {
    leadAlerts {
      type
      lead {
        ...LeadDetailFields
      }
    }
  }
`);
