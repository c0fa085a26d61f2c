import type { ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { SortHeader } from './SortHeader';
import { Empty } from './status';

export interface ServerSort {
  id: string;
  desc: boolean;
}

interface ServerTableProps<T> {
  caption: string;
  data: T[];
  // The column value types differ per column; tanstack's own examples type the array this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  columns: ColumnDef<T, any>[];
  empty: ReactNode;
  /** The order the server applied; columns whose id is in `sortable` can be clicked to change it. */
  sort?: ServerSort;
  sortable?: ReadonlySet<string>;
  onSort?: (sort: ServerSort) => void;
  children?: ReactNode;
}

/** A table of one page the server ordered and cut: sorting asks the server again, never reorders a slice. */
export function ServerTable<T>({ caption, data, columns, empty, sort, sortable = new Set(), onSort, children }: ServerTableProps<T>) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true });
  return (
    <div className="data-table">
      {data.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = sort?.id === header.column.id ? (sort.desc ? 'desc' : 'asc') : null;
                    const orderBy = () => onSort?.({ id: header.column.id, desc: sorted === 'asc' });
                    return (
                      <SortHeader
                        key={header.id}
                        label={flexRender(header.column.columnDef.header, header.getContext())}
                        sorted={sorted}
                        onSort={sortable.has(header.column.id) ? orderBy : undefined}
                      />
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
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
      )}
      {children}
    </div>
  );
}
