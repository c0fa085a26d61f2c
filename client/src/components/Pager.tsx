export const PAGE_SIZES = [10, 25, 50, 100] as const;

interface PagerProps {
  label: string;
  totalCount: number;
  pageSize: number;
  /** 0-based; the pager counts pages as it moves, since keyset pages have no offset. */
  pageIndex: number;
  hasNext: boolean;
  hasPrevious: boolean;
  onMove: (to: 'first' | 'previous' | 'next' | 'last') => void;
  onPageSize: (size: number) => void;
}

/** First, previous, next and last page of a server-side list, with its total and a page size choice. */
export function Pager({ label, totalCount, pageSize, pageIndex, hasNext, hasPrevious, onMove, onPageSize }: PagerProps) {
  const pages = Math.max(Math.ceil(totalCount / pageSize), 1);
  const first = totalCount === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min((pageIndex + 1) * pageSize, totalCount);
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <button type="button" onClick={() => onMove('first')} disabled={!hasPrevious}>
        First
      </button>
      <button type="button" onClick={() => onMove('previous')} disabled={!hasPrevious}>
        Previous
      </button>
      <span aria-live="polite">
        Page {Math.min(pageIndex + 1, pages)} of {pages} · {first}–{last} of {totalCount}
      </span>
      <button type="button" onClick={() => onMove('next')} disabled={!hasNext}>
        Next
      </button>
      <button type="button" onClick={() => onMove('last')} disabled={!hasNext}>
        Last
      </button>
      <label className="page-size">
        Per page
        <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
