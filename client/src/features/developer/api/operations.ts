import { graphql } from '../../../gql';

export const MailboxQuery = graphql(`
  query Mailbox($to: String, $first: Int, $after: String, $last: Int, $before: String) {
    mailbox(to: $to, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          messageId
          from
          to
          subject
          text
          html
          deliveredAt
        }
      }
    }
  }
`);
