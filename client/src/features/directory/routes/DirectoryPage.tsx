import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { ProductCategory, ServiceType } from '@slp/shared';
import { PageTitle } from '../../../components/PageTitle';
import { Empty, queryState } from '../../../components/status';
import { enumValues, humanize } from '../../../lib/labels';
import { useDebounced } from '../../../lib/use-debounced';
import { DirectoryQuery } from '../api/operations';
import { ServiceCard } from '../../../components/ServiceCard';
import type { ProductCategory as Category, ServiceType as Type } from '../../../gql/graphql';

const PAGE = 12;

/**
 * The public services directory: search, filter by service type and product category, load more.
 * The filters live in the address (`?q=&type=&category=`), so a filtered list can be shared, reloaded
 * and reached again with Back.
 */
export function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const settledSearch = useDebounced(search.trim());
  const serviceType = params.get('type') ?? '';
  const productCategory = params.get('category') ?? '';
  // The address holds every filter at once, so one change never drops another still on its way there.
  const writeFilters = (changes: { q?: string; type?: string; category?: string }) => {
    const next = { q: settledSearch, type: serviceType, category: productCategory, ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)), { replace: true });
  };
  // The typed search goes to the address once it settles, not on every key.
  useEffect(() => {
    if (settledSearch !== (params.get('q') ?? '')) writeFilters({ q: settledSearch });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the search settles, not on every address change
  }, [settledSearch]);
  const filtered = Boolean(settledSearch || serviceType || productCategory);
  const clearFilters = () => {
    setSearch('');
    setParams({}, { replace: true });
  };
  const filter = {
    search: settledSearch || null,
    serviceType: (serviceType || null) as Type | null,
    productCategory: (productCategory || null) as Category | null,
  };
  const query = useQuery(DirectoryQuery, { variables: { first: PAGE, filter } });
  const connection = query.data?.services;
  const loadMore = () =>
    query.fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        services: { ...fetchMoreResult.services, edges: [...previous.services.edges, ...fetchMoreResult.services.edges] },
      }),
    });
  return (
    <section>
      <PageTitle title="Services directory">Find a service partner</PageTitle>
      <form className="filters" role="search" aria-label="Filter services" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Title, description or partner" />
        </label>
        <label>
          Service type
          <select value={serviceType} onChange={(e) => writeFilters({ type: e.target.value })}>
            <option value="">Any</option>
            {enumValues(ServiceType).map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Product category
          <select value={productCategory} onChange={(e) => writeFilters({ category: e.target.value })}>
            <option value="">Any</option>
            {enumValues(ProductCategory).map((c) => (
              <option key={c} value={c}>
                {humanize(c)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {queryState('services', query) ??
        (connection && connection.edges.length > 0 ? (
          <>
            <p role="status" aria-live="polite">
              {connection.totalCount} {connection.totalCount === 1 ? 'service' : 'services'}
              {filtered && (
                <>
                  {' '}
                  ·{' '}
                  <button type="button" className="secondary" onClick={clearFilters}>
                    Clear filters
                  </button>
                </>
              )}
            </p>
            <div className="cards">
              {connection.edges.map(({ node }) => (
                <ServiceCard key={node.id} service={node} />
              ))}
            </div>
            {connection.pageInfo.hasNextPage && (
              <button type="button" onClick={loadMore}>
                Show more services
              </button>
            )}
          </>
        ) : filtered ? (
          <Empty>
            No services match these filters.{' '}
            <button type="button" className="secondary" onClick={clearFilters}>
              Clear filters
            </button>
          </Empty>
        ) : (
          <Empty>No services are listed yet.</Empty>
        ))}
    </section>
  );
}
