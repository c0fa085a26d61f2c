import { graphql } from '../gql';

/** What every server-paged list reads of its page, for the pager (components/UrlPager.tsx). */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);
