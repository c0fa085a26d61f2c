import type { ReactNode } from 'react';

const sortLabels = { asc: 'ascending', desc: 'descending' } as const;
export type SortState = 'asc' | 'desc' | null;

/** A column header: a button that changes the order when the column can order the table, with its state for screen readers. */
export function SortHeader({ label, sorted, onSort }: { label: ReactNode; sorted: SortState; onSort?: (event: unknown) => void }) {
  return (
    <th scope="col" aria-sort={sorted ? sortLabels[sorted] : undefined}>
      {onSort ? (
        <button type="button" className="sort" onClick={onSort}>
          {label}
          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
          {sorted && <span className="visually-hidden">, sorted {sortLabels[sorted]}</span>}
        </button>
      ) : (
        label
      )}
    </th>
  );
}
