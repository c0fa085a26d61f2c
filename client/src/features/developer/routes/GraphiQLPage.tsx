import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useEffect } from 'react';
import { Link } from 'react-router';

// Same origin as the SPA: fetch sends the viewer's session cookie, so queries run as the viewer.
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
  headers: { 'apollo-require-preflight': 'true' },
});

const defaultQuery = `# Runs as you (your session cookie).
# The schema docs are on the left.
query Me {
  viewer { user { name email role } partner { name status } }
}
`;

/** The GraphQL IDE, bundled from npm (no CDN) and loaded only on this route. */
export function GraphiQLPage() {
  useEffect(() => {
    document.title = 'GraphiQL · Seller Leads Pool';
  }, []);
  return (
    <div className="graphiql-page">
      <nav className="graphiql-bar" aria-label="App">
        <Link to="/">← Back to Seller Leads Pool</Link>
      </nav>
      <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} visiblePlugin={DOC_EXPLORER_PLUGIN} />
    </div>
  );
}
