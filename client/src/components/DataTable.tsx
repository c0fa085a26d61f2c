import { useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { SortHeader } from './SortHeader';
import { Empty } from './status';

interface DataTableProps<T> {
  caption: string;
  data: T[];
  // The column value types differ per column; tanstack's own examples type the array this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  columns: ColumnDef<T, any>[];
  empty: ReactNode;
  filterLabel?: string;
  pageSize?: number;
  initialSorting?: SortingState;
}

/** A table with a text filter over every column, sortable headers and pages, on data already loaded. */
export function DataTable<T>({
  caption,
  data,
  columns,
  empty,
  filterLabel = 'Filter',
  pageSize = 10,
  initialSorting = [],
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [globalFilter, setGlobalFilter] = useState('');
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  if (data.length === 0) return <Empty>{empty}</Empty>;
  const rows = table.getRowModel().rows;
  const { pageIndex } = table.getState().pagination;
  return (
    <div className="data-table">
      <label className="table-filter">
        {filterLabel}
        <input type="search" value={globalFilter} onChange={(e) => setGlobalFilter(e.target.value)} />
      </label>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortHeader
                    key={header.id}
                    label={flexRender(header.column.columnDef.header, header.getContext())}
                    sorted={header.column.getIsSorted() || null}
                    onSort={header.column.getCanSort() ? header.column.getToggleSortingHandler() : undefined}
                  />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-label={String(cell.column.columnDef.header ?? '')}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <Empty>Nothing matches “{globalFilter}”.</Empty>}
      <nav className="pagination" aria-label={`${caption} pages`}>
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </button>
        <span aria-live="polite">
          Page {pageIndex + 1} of {Math.max(table.getPageCount(), 1)}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </button>
      </nav>
    </div>
  );
}
