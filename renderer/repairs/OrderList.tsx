import { useMemo } from 'react';
import { Button, Checkbox, Segmented, Space, Typography } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { OrderRow } from '../../shared/contract/repairs';
import { formatYuan } from '../../shared/money';
import { BILL_STATE_LABELS, ORDER_SCOPES, ORDER_SCOPE_LABELS, ORDER_STATES, ORDER_STATE_LABELS } from '../../shared/repairs';
import { officeDateTime } from '../dates';
import { DateRangeFilter } from '../components/DateRangeFilter';
import { DataTable } from '../components/DataTable';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { sortableFields, useCommandList, type FiltersOf } from '../components/useCommandList';
import { LabelFilter } from '../components/LabelFilter';
import { TechnicianPicker } from './TechnicianPicker';
import { go, repairsHash } from './route';
import { OrderStateTag, OrderTimeText } from './tags';
import { S } from './strings';
import { useRepairCategories } from './categories';

export type OrderFilters = FiltersOf<'repairs.list'>;

const col = createColumnHelper<OrderRow>();
const SORTABLE = sortableFields('repairs.list');
const NOWRAP = { whiteSpace: 'nowrap' } as const;

type Quick = 'all' | 'overdue' | 'due_soon' | 'cb_today' | 'cb_overdue';

function quickOf(f: OrderFilters): Quick {
  if (f.due) return f.due;
  if (f.callback === 'due_today') return 'cb_today';
  if (f.callback === 'overdue') return 'cb_overdue';
  return 'all';
}

const QUICK_FILTERS: Record<Quick, Pick<OrderFilters, 'due' | 'callback'>> = {
  all: { due: undefined, callback: undefined },
  overdue: { due: 'overdue', callback: undefined },
  due_soon: { due: 'due_soon', callback: undefined },
  cb_today: { due: undefined, callback: 'due_today' },
  cb_overdue: { due: undefined, callback: 'overdue' },
};

/** 维修单列表: server-paged and sorted; filters live in the desk so they survive a trip to an order. */
export function OrderList(props: { filters: OrderFilters; onFilters(f: OrderFilters): void; onNew(): void }) {
  const { filters, onFilters } = props;
  const list = useCommandList('repairs.list', filters, { sort: { field: 'openedAt', desc: true }, pageSize: 50 });
  const categories = useRepairCategories();

  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.colNo, size: 140, cell: (c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{c.getValue()}</span> }),
      col.accessor('openedAt', { header: S.colOpenedAt, size: 132, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.accessor((r) => r.unitCode ?? r.location, { id: 'where', header: S.colWhere, size: 120 }),
      col.accessor('category', { header: S.colCategory, size: 80, cell: (c) => c.row.original.categoryLabel }),
      col.accessor('description', {
        header: S.colDescription,
        size: 180,
        cell: (c) => (
          <Typography.Text ellipsis={{ tooltip: c.getValue() }} style={{ width: '100%' }}>
            {c.row.original.emergency ? `【${S.emergency}】` : ''}
            {c.getValue()}
          </Typography.Text>
        ),
      }),
      col.accessor('technicianLabel', { header: S.colTechnician, size: 110 }),
      col.accessor('state', { header: S.colState, size: 80, cell: (c) => <OrderStateTag state={c.getValue()} /> }),
      col.accessor((r) => r, {
        id: 'charge',
        header: S.colCharge,
        size: 110,
        cell: (c) => {
          const r = c.getValue();
          if (r.amountDueFen === null) return r.chargeable ? S.chargeable : S.free;
          return `${formatYuan(r.amountDueFen)} ${r.billState ? BILL_STATE_LABELS[r.billState] : ''}`;
        },
      }),
      col.accessor((r) => r.time, { id: 'nextDueAt', header: S.colTime, size: 140, cell: (c) => <OrderTimeText time={c.getValue()} /> }),
    ],
    [],
  );

  const set = (patch: Partial<OrderFilters>) => onFilters({ ...filters, ...patch });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onNew}>
          {`${S.newOrder} (${S.newOrderKey})`}
        </Button>
        <Segmented<Quick>
          aria-label={S.quickFilter}
          value={quickOf(filters)}
          onChange={(v) => set(QUICK_FILTERS[v])}
          options={[
            { value: 'all', label: S.quickAll },
            { value: 'overdue', label: S.quickOverdue },
            { value: 'due_soon', label: S.quickDueSoon },
            { value: 'cb_today', label: S.quickCallbackToday },
            { value: 'cb_overdue', label: S.quickCallbackOverdue },
          ]}
        />
        <Checkbox checked={!!filters.mine} onChange={(e) => set({ mine: e.target.checked || undefined })}>
          {S.mine}
        </Checkbox>
        <Checkbox checked={!!filters.open} onChange={(e) => set({ open: e.target.checked || undefined })}>
          {S.openOnly}
        </Checkbox>
        <DateRangeFilter label={S.filterDates} from={filters.from} to={filters.to} onChange={set} />
        <UnitPicker aria-label={S.filterUnit} value={filters.unitId ?? null} onChange={(unitId) => set({ unitId: unitId ?? undefined })} style={{ width: 150 }} />
        <LabelFilter label={S.filterState} all={S.allStates} values={ORDER_STATES} labels={ORDER_STATE_LABELS} value={filters.state} onChange={(state) => set({ state })} />
        <LabelFilter label={S.filterCategory} all={S.allCategories} values={categories.all.map((c) => c.key)} labels={Object.fromEntries(categories.all.map((c) => [c.key, c.label]))} value={filters.category} onChange={(category) => set({ category })} />
        <LabelFilter label={S.filterScope} all={S.allScopes} values={ORDER_SCOPES} labels={ORDER_SCOPE_LABELS} value={filters.scope} onChange={(scope) => set({ scope })} />
        <TechnicianPicker
          aria-label={S.filterTechnician}
          placeholder={S.allTechnicians}
          value={filters.technicianId ?? null}
          onChange={(technicianId) => set({ technicianId: technicianId ?? undefined })}
          style={{ width: 170 }}
        />
        {filtered && (
          <Button icon={<ClearOutlined aria-hidden />} onClick={() => onFilters({})}>
            {S.clearFilters}
          </Button>
        )}
      </Space>
      <DataTable label={S.ordersTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(repairsHash.order(r.id))} />
    </div>
  );
}
