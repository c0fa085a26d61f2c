import { graphql } from '../../../gql';

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SignUpSellerMutation = graphql(`
  mutation SignUpSeller($input: SignUpSellerInput!) {
    signUpSeller(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SignUpPartnerMutation = graphql(`
  mutation SignUpPartner($input: SignUpPartnerInput!) {
    signUpPartner(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);
