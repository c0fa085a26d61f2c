import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const DirectoryQuery = graphql(`
  query Directory($first: Int, $filter: ServiceFilter) {
    services(first: $first, filter: $filter) {
      totalCount
      edges { node { id title serviceType partner { id name } } }
    }
  }
`);

/** The public services directory. */
export function DirectoryPage() {
  const { data, loading, error } = useQuery(DirectoryQuery, { variables: { first: 20 } });
  if (loading) return <p role="status">Loading services…</p>;
  if (error) return <p role="alert">Could not load services: {error.message}</p>;
  const services = data?.services.edges ?? [];
  if (services.length === 0) return <p>No services are listed yet.</p>;
  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title">Services ({data?.services.totalCount})</h2>
      <ul>
        {services.map(({ node }) => (
          <li key={node.id}>{node.title} — {node.partner.name}</li>
        ))}
      </ul>
    </section>
  );
}
