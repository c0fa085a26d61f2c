import { graphql } from '../gql';

/** What every mutation's payload tells of each refusal, for applyUserErrors (lib/form-errors.ts) and useAction. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);
