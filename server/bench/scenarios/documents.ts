// The operations the scenarios send, written against /work/shared/CONTRACT.graphql.

/** What a page of a tab shows of each lead. */
const leadPageSelection = `
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id status source createdAt
        inquiry {
          id requestType serviceType companySize productCategory location
          budget { amount currency } contactAccess createdAt
        }
        service { id title serviceType }
        partner { id name }
      }
    }`;

/** A partner's NEW tab; bench/baseline/new-tab-sql.ts returns exactly this JSON. */
export const newTabPage = `query NewTab($first: Int, $after: String) {
  leads(status: NEW, first: $first, after: $after) {${leadPageSelection}
  }
}`;

/** The same tab in another order or searched (issue 16): the pages a busy partner uses most after the default. */
export const newTabOrderedOrSearched = `query NewTabOrdered($first: Int, $orderBy: LeadOrder, $search: String) {
  leads(status: NEW, first: $first, orderBy: $orderBy, search: $search) {${leadPageSelection}
  }
}`;

export const leadCounts = `query LeadCounts { leadCounts { new following deal closed } }`;

/** A seller's dashboard page: inquiries with each partner's lead status. */
export const myInquiries = `query MyInquiries($first: Int) {
  myInquiries(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id requestType status serviceType productCategory budget { amount currency } createdAt
        leads(first: 10) { totalCount edges { node { id status partner { id name } } } }
      }
    }
  }
}`;

export const leadDetail = `query LeadDetail($id: ID!) {
  node(id: $id) {
    ... on Lead {
      id status source createdAt followedAt dealAt closedAt rejectReason closeReason
      inquiry {
        id requestType companySize productCategory location budget { amount currency } shopGmv { amount currency }
        contactAccess contact { name email }
      }
      service { id title serviceType }
      partner { id name }
      history { type at actorRole }
    }
  }
}`;

export const submitInquiry = `mutation SubmitInquiry($input: SubmitInquiryInput!) {
  submitInquiry(input: $input) {
    inquiry { id status leads(first: 10) { totalCount } }
    userErrors { field message code }
  }
}`;

export const followLead = `mutation FollowLead($input: FollowLeadInput!) {
  followLead(input: $input) {
    lead { id status inquiry { contactAccess contact { name email } } }
    userErrors { field message code }
  }
}`;

/** A dashboard's 90 days, by day: counts per status, the funnel and median times. */
export const leadStats = `query LeadStats($from: DateTime!, $to: DateTime!) {
  leadStats(from: $from, to: $to, groupBy: DAY) {
    total { counts { new following deal closed rejected } funnel { received followedUp reachedDeal followUpRate dealRate } }
    buckets {
      start
      counts { new following deal closed rejected }
      funnel { received followedUp reachedDeal }
      medianSecondsToFollowUp medianSecondsToDeal
    }
  }
}`;

export const leadAlerts = `subscription LeadAlerts { leadAlerts { type lead { id inquiry { id } } } }`;
