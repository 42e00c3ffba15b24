import { useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Header } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Empty, Pagination, Result, Spin, theme } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { CommandError } from '../../shared/result';
import { PAGE_SIZES, type ListSort } from './useCommandList';
import { S } from './strings';

/** What the table needs from a list; `useCommandList` returns exactly this. */
export interface ListState<Row> {
  rows: Row[];
  total: number;
  loading: boolean;
  error: CommandError | null;
  page: number;
  pageSize: number;
  sort: ListSort | undefined;
  changePage(page: number, pageSize: number): void;
  changeSort(sort: ListSort | undefined): void;
  reload(): void;
}

export interface DataTableProps<Row> {
  /** Accessible name of the table. */
  label: string;
  columns: ColumnDef<Row, any>[];
  list: ListState<Row>;
  /** Column ids the list command can sort by (see `sortableFields`). */
  sortable: readonly string[];
  rowKey(row: Row): string | number;
  /** Enter on the highlighted row, or a double click. */
  onOpen?(row: Row): void;
  /** Extra content shown under a row whose key is in `expanded`. */
  renderDetail?(row: Row): ReactNode;
  expanded?: ReadonlySet<string | number>;
  /** Height of the scroll box; by default it fills the window below a desk's toolbar. */
  height?: number | string;
}

const ROW_ESTIMATE = 40;

/**
 * Server-paged, server-sorted table. Only the rows in view are in the DOM (row virtualizer),
 * so a 200-row page scrolls as smoothly as a 20-row one. The scroll box is focusable:
 * ArrowUp/Down move the highlight, Home/End jump, Enter opens the row.
 */
export function DataTable<Row>({ label, columns, list, sortable, rowKey, onOpen, renderDetail, expanded, height = 'max(240px, calc(100vh - 300px))' }: DataTableProps<Row>) {
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const [seenRows, setSeenRows] = useState(list.rows);
  if (seenRows !== list.rows) {
    // A new page: the old highlight points at nothing the operator has seen.
    setSeenRows(list.rows);
    setActive(-1);
  }

  const table = useReactTable({
    data: list.rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(rowKey(row)),
    manualPagination: true,
    manualSorting: true,
    rowCount: list.total,
    state: { sorting: list.sort ? [{ id: list.sort.field, desc: list.sort.desc }] : [] },
  });
  const rows = table.getRowModel().rows;

  // Measured heights are remembered per row id, not per position: when the data changes (a new
  // entry on top pushes every row down one place) the row elements React keeps are moved, not
  // remounted, so they are not measured again — a height remembered by position would then
  // belong to the row that used to be there, and rows of different heights (a wrapped cell, an
  // open detail) would be drawn over each other. A row that is new to the table is measured
  // when it mounts, and the ResizeObserver catches a row whose own content changes height.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    getItemKey: (index) => rows[index]!.id,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  });

  const move = (index: number) => {
    if (!rows.length) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.target !== e.currentTarget) return; // keys typed into a button inside a cell are theirs
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active < 0 ? 0 : active - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => {
        const row = rows[active];
        if (row && onOpen) onOpen(row.original);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const toggleSort = (id: string) => {
    const current = list.sort?.field === id ? list.sort : undefined;
    list.changeSort(!current ? { field: id, desc: false } : !current.desc ? { field: id, desc: true } : undefined);
  };

  const cellStyle = (size: number): CSSProperties => ({
    display: 'flex',
    alignItems: 'center',
    flex: `${size} 0 ${size}px`,
    minWidth: size,
    padding: '8px 12px',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  });

  const body = () => {
    if (list.error && !rows.length) {
      return (
        <Result
          status="warning"
          title={list.error.message}
          extra={<Button onClick={list.reload}>{S.tableRetry}</Button>}
        />
      );
    }
    if (!rows.length) return <Empty style={{ padding: 32 }} description={list.loading ? S.tableLoading : S.tableEmpty} />;
    return null;
  };
  const placeholder = body();

  return (
    <div>
      <Spin spinning={list.loading} delay={150}>
        <div
          ref={scrollRef}
          style={{
            height,
            overflow: 'auto',
            position: 'relative',
            background: token.colorBgContainer,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadius,
          }}
        >
          {/* The table itself takes focus (clicking a row focuses it too), so the arrow keys reach it. */}
          <table
            tabIndex={0}
            aria-label={label}
            aria-rowcount={rows.length + 1}
            onKeyDown={onKeyDown}
            style={{ display: 'grid', width: '100%', borderCollapse: 'collapse', outlineColor: token.colorPrimary }}
          >
            <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1, background: token.colorFillAlter }}>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={1} style={{ display: 'flex', width: '100%', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
                  {group.headers.map((header) => (
                    <HeaderCell
                      key={header.id}
                      header={header}
                      style={cellStyle(header.getSize())}
                      canSort={sortable.includes(header.column.id)}
                      sorted={list.sort?.field === header.column.id ? (list.sort.desc ? 'desc' : 'asc') : false}
                      onSort={() => toggleSort(header.column.id)}
                    />
                  ))}
                </tr>
              ))}
            </thead>
            <tbody style={{ display: 'grid', position: 'relative', height: placeholder ? undefined : virtualizer.getTotalSize() }}>
              {placeholder ? (
                <tr style={{ display: 'flex' }}>
                  <td style={{ flex: 1 }}>{placeholder}</td>
                </tr>
              ) : (
                virtualizer.getVirtualItems().map((item) => {
                  const row = rows[item.index]!;
                  const key = rowKey(row.original);
                  const selected = item.index === active;
                  const detail = renderDetail && expanded?.has(key) ? renderDetail(row.original) : null;
                  return (
                    <tr
                      key={row.id}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      aria-rowindex={item.index + 2}
                      aria-selected={selected}
                      onClick={() => setActive(item.index)}
                      onDoubleClick={() => onOpen?.(row.original)}
                      style={{
                        display: 'flex',
                        flexWrap: 'wrap',
                        position: 'absolute',
                        width: '100%',
                        transform: `translateY(${item.start}px)`,
                        borderBottom: `1px solid ${token.colorBorderSecondary}`,
                        background: selected ? token.controlItemBgActive : undefined,
                        cursor: onOpen ? 'pointer' : undefined,
                      }}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td key={cell.id} style={cellStyle(cell.column.getSize())}>
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))}
                      {detail && <td style={{ flex: '0 0 100%', padding: '0 12px 12px' }}>{detail}</td>}
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </Spin>
      <Pagination
        style={{ marginTop: 12, justifyContent: 'flex-end' }}
        current={list.page}
        pageSize={list.pageSize}
        total={list.total}
        pageSizeOptions={PAGE_SIZES.map(String)}
        showSizeChanger
        showTotal={S.tableTotal}
        onChange={(page, size) => list.changePage(size === list.pageSize ? page : 1, size)}
      />
    </div>
  );
}

function HeaderCell<Row>(props: {
  header: Header<Row, unknown>;
  style: CSSProperties;
  canSort: boolean;
  sorted: 'asc' | 'desc' | false;
  onSort(): void;
}) {
  const { header, style, canSort, sorted, onSort } = props;
  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined}
      style={{ ...style, fontWeight: 600, textAlign: 'left' }}
    >
      {canSort ? (
        <button
          type="button"
          onClick={onSort}
          title={sorted === 'asc' ? S.sortDesc : S.sortAsc}
          style={{ background: 'none', border: 0, padding: 0, font: 'inherit', color: 'inherit', cursor: 'pointer', display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {content}
          {sorted === 'asc' ? <CaretUpOutlined /> : sorted === 'desc' ? <CaretDownOutlined /> : null}
        </button>
      ) : (
        content
      )}
    </th>
  );
}
