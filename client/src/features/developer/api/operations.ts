import { graphql } from '../../../gql';

export const MailboxQuery = graphql(`
  query Mailbox($to: String, $first: Int!) { devMailbox(first: $first, to: $to) { messageId from to subject text html deliveredAt } }
`);
