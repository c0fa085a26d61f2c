import { graphql } from '../../../gql';

export const MailboxQuery = graphql(`
  query Mailbox($to: String) { devMailbox(first: 50, to: $to) { messageId from to subject text deliveredAt } }
`);
