import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApiTokenScope } from '@slp/shared';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { ApiToken } from './api-token.entity.js';

registerEnumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: 'What an API token may do. Either way it sees exactly what a member of its partner sees.',
  valuesConfig: {
    READ_ONLY: { description: 'Read leads, statistics and everything else a member can read; run no mutation.' },
    WORK_LEADS: { description: 'Read, and work leads: follow up, reject, accept cooperation, mark no agreement.' },
  },
});

@InputType({ description: 'A new API token for a dashboard or script.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, 1 to 60 characters.' }) name!: string;
  @Field(() => ApiTokenScope, { description: 'What the token may do.' }) scope!: ApiTokenScope;
}

@InputType({ description: 'The API token to revoke.' })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: 'ID of the token (ApiToken.id).' }) apiTokenId!: string;
}

@ObjectType({ description: 'The result of creating an API token.' })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: 'The new token.' }) apiToken?: ApiToken | null;
  @Field(() => String, {
    nullable: true,
    description: 'The secret, shown only in this response: send it as "Authorization: Bearer <secret>".',
  })
  secret?: string | null;

  @UserErrorsField() userErrors!: UserError[];
}

@ObjectType({ description: 'The result of changing an API token.' })
export class ApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: 'The changed token.' }) apiToken?: ApiToken | null;
  @UserErrorsField() userErrors!: UserError[];
}
