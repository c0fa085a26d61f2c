import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ViewerFieldsFragment } from '../gql/graphql';

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    user {
      id
      name
      email
      role
    }
    partner {
      id
      name
      status
      statusReason
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);

export type ViewerData = ViewerFieldsFragment;

/** Who is logged in (null for a visitor); every page reads it from the cache. */
export function useViewer() {
  const { data, loading, error } = useQuery(ViewerQuery);
  return { viewer: data?.viewer ?? null, loading: loading && !data, error };
}
