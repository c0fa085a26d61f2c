import type { PageInfoFieldsFragment } from '../gql/graphql';
import type { useUrlPage } from '../lib/url-pages';
import { Pager } from './Pager';

interface UrlPagerProps {
  label: string;
  list: {
    totalCount: number;
    pageInfo: PageInfoFieldsFragment;
  };
  pages: ReturnType<typeof useUrlPage>;
}

/** The pager of a list whose page lives in the URL (useUrlPage): every such page wires it the same way. */
export function UrlPager({ label, list, pages }: UrlPagerProps) {
  return (
    <Pager
      label={label}
      totalCount={list.totalCount}
      pageSize={pages.current.size}
      pageIndex={pages.current.page}
      hasNext={list.pageInfo.hasNextPage}
      hasPrevious={list.pageInfo.hasPreviousPage}
      onMove={(to) => pages.move(to, list.pageInfo, list.totalCount)}
      onPageSize={pages.setSize}
    />
  );
}
