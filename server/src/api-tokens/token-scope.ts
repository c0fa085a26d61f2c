import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { ApiTokenScope } from '@slp/shared';
import type { Context } from '../request/context.js';

/**
 * The mutations each scope allows. Queries and subscriptions are open to every token (the access
 * policy decides what they return); no token may manage tokens, sign up or log in.
 */
export const mutationsAllowed: Record<ApiTokenScope, ReadonlySet<string>> = {
  [ApiTokenScope.READ_ONLY]: new Set(),
  [ApiTokenScope.WORK_LEADS]: new Set(['followLead', 'rejectLead', 'acceptCooperation', 'markNoAgreement']),
};

/**
 * What each scope may download outside GraphQL: the CSV export of a tab (exports/) reads what the
 * token's queries may read, so every reading scope may.
 */
export const exportAllowed: Record<ApiTokenScope, boolean> = {
  [ApiTokenScope.READ_ONLY]: true,
  [ApiTokenScope.WORK_LEADS]: true,
};

/** Why a token may not export, or null when it may (a session, or a scope that allows it). */
export function exportRefusal(scope: ApiTokenScope | undefined): string | null {
  return scope && !exportAllowed[scope] ? `An API token with scope ${scope} may not export leads` : null;
}

function rootFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });
}

/**
 * Wraps every mutation field (schema/field-guards.ts): the one place token scopes are enforced, for
 * HTTP and WebSocket alike. It checks every root field of the mutation document before its field
 * runs, so a mutation document either runs whole or not at all.
 */
export function withinTokenScope(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (root, args, context, info) => {
    assertScopeAllows(context, info);
    return resolve(root, args, context, info);
  };
}

function assertScopeAllows(context: Context, info: GraphQLResolveInfo): void {
  const scope = context.viewer?.apiToken?.scope;
  if (scope) {
    const refused = rootFields(info.operation.selectionSet, info.fragments).filter(
      (field) => field !== '__typename' && !mutationsAllowed[scope].has(field),
    );
    if (refused.length) {
      throw new GraphQLError(`An API token with scope ${scope} may not run ${refused.join(', ')}`, {
        extensions: { code: 'FORBIDDEN' },
      });
    }
  }
}
