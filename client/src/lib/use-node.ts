import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { queryState } from '../components/status';

interface NodeData {
  node?: { __typename?: string } | null;
}
type NodeOf<TData extends NodeData, TName extends string> = Extract<NonNullable<TData['node']>, { __typename?: TName }>;

/**
 * A page's `node(id:)` query: the object when it is of the expected type, and the loading or error
 * state to render before it (null once there is data). A missing or hidden object is a null node.
 * The cached copy shows at once and is refreshed, since others (a seller, a partner) change it too.
 */
export function useNode<TData extends NodeData, TName extends string>(
  document: TypedDocumentNode<TData, { id: string }>,
  id: string,
  typename: TName,
  what: string,
) {
  const query = useQuery(document, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const node = query.data?.node;
  return {
    state: queryState(what, query),
    node: node?.__typename === typename ? (node as NodeOf<TData, TName>) : null,
  };
}
