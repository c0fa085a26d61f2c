import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

const fieldsOf = (tree: ResolveTree): ResolveTree[] => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields));

/**
 * The names of the fields the query selects on the nodes of the connection this field returns
 * (`edges { node { … } }`), through fragments, aliases and @skip/@include.
 */
export function selectedOnNodes(info: GraphQLResolveInfo): Set<string> {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const edges = tree ? fieldsOf(tree).filter((field) => field.name === 'edges') : [];
  const nodes = edges.flatMap(fieldsOf).filter((field) => field.name === 'node');
  return new Set(nodes.flatMap(fieldsOf).map((field) => field.name));
}
