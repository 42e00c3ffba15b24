import { useMemo } from 'react';
import { Button, Checkbox, DatePicker, Segmented, Select, Space, Typography } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import dayjs from 'dayjs';
import type { EntryRow } from '../../shared/contract/reception';
import { officeDateTime } from '../../shared/office-time';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  ENTRY_STATES,
  ENTRY_STATE_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type Category,
  type Channel,
  type EntryState,
  type Urgency,
} from '../../shared/reception';
import { DataTable } from '../components/DataTable';
import { sortableFields, useCommandList, type FiltersOf } from '../components/useCommandList';
import { dayText } from '../estate/dates';
import { HandlerPicker, handlerIds, handlerKey, UnitPicker } from './pickers';
import { go, receptionHash } from './route';
import { CategoryTag, EntryStateTag, TimeText } from './tags';
import { useReceptionChanges } from './useAttention';
import { S } from './strings';

export type EntryFilters = FiltersOf<'reception.list'>;

const col = createColumnHelper<EntryRow>();
const SORTABLE = sortableFields('reception.list');
const NOWRAP = { whiteSpace: 'nowrap' } as const;

type Quick = 'all' | 'overdue' | 'due_soon';

/** 登记列表: server-paged and sorted; filters live in the desk so they survive a trip to an entry. */
export function EntryList(props: { filters: EntryFilters; onFilters(f: EntryFilters): void; onNew(): void }) {
  const { filters, onFilters } = props;
  const list = useCommandList('reception.list', filters, { sort: { field: 'receivedAt', desc: true }, pageSize: 50 });
  useReceptionChanges(list.reload);

  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.colNo, size: 136, cell: (c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{c.getValue()}</span> }),
      col.accessor('receivedAt', { header: S.colReceivedAt, size: 132, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.accessor('channel', { header: S.colChannel, size: 64, cell: (c) => CHANNEL_LABELS[c.getValue()] }),
      col.accessor('unitCode', { header: S.colUnit, size: 90, cell: (c) => c.getValue() ?? '' }),
      col.accessor('contactName', { header: S.colContact, size: 80 }),
      col.accessor('category', { header: S.colCategory, size: 100, cell: (c) => <CategoryTag category={c.getValue()} urgency={c.row.original.urgency} /> }),
      col.accessor('content', {
        header: S.colContent,
        size: 180,
        cell: (c) => (
          <Typography.Text ellipsis={{ tooltip: c.getValue() }} style={{ width: '100%' }}>
            {c.getValue()}
          </Typography.Text>
        ),
      }),
      col.accessor('handlerLabel', { header: S.colHandler, size: 110 }),
      col.accessor('state', { header: S.colState, size: 76, cell: (c) => <EntryStateTag state={c.getValue()} /> }),
      col.accessor((r) => r.time, { id: 'nextDueAt', header: S.colTime, size: 120, cell: (c) => <TimeText time={c.getValue()} /> }),
    ],
    [],
  );

  const quick: Quick = filters.due ?? 'all';
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  const set = (patch: Partial<EntryFilters>) => onFilters({ ...filters, ...patch });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onNew}>
          {`${S.newEntry} (${S.newEntryKey})`}
        </Button>
        <Segmented<Quick>
          aria-label={S.quickFilter}
          value={quick}
          onChange={(v) => set({ due: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: S.quickAll },
            { value: 'overdue', label: S.quickOverdue },
            { value: 'due_soon', label: S.quickDueSoon },
          ]}
        />
        <Checkbox checked={!!filters.mine} onChange={(e) => set({ mine: e.target.checked || undefined })}>
          {S.mine}
        </Checkbox>
        <DatePicker.RangePicker
          aria-label={S.filterDates}
          value={range}
          onChange={(v) => set({ from: dayText(v?.[0]) ?? undefined, to: dayText(v?.[1]) ?? undefined })}
          style={{ width: 240 }}
        />
        <UnitPicker aria-label={S.filterUnit} value={filters.unitId ?? null} onChange={(unitId) => set({ unitId: unitId ?? undefined })} style={{ width: 150 }} />
        <Select<Category>
          allowClear
          aria-label={S.filterCategory}
          placeholder={S.allCategories}
          value={filters.category}
          onChange={(category) => set({ category })}
          options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          style={{ width: 110 }}
        />
        <Select<Channel>
          allowClear
          aria-label={S.filterChannel}
          placeholder={S.allChannels}
          value={filters.channel}
          onChange={(channel) => set({ channel })}
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          style={{ width: 110 }}
        />
        <Select<EntryState>
          allowClear
          aria-label={S.filterState}
          placeholder={S.allStates}
          value={filters.state}
          onChange={(state) => set({ state })}
          options={ENTRY_STATES.map((s) => ({ value: s, label: ENTRY_STATE_LABELS[s] }))}
          style={{ width: 110 }}
        />
        <Select<Urgency>
          allowClear
          aria-label={S.filterUrgency}
          placeholder={S.allUrgencies}
          value={filters.urgency}
          onChange={(urgency) => set({ urgency })}
          options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
          style={{ width: 110 }}
        />
        <HandlerPicker
          aria-label={S.filterHandler}
          placeholder={S.allHandlers}
          value={handlerKey(filters.handlerStaffId ?? null, filters.handlerDepartmentId ?? null) ?? null}
          onChange={(key) => {
            const ids = handlerIds(key);
            set({ handlerStaffId: ids.handlerStaffId ?? undefined, handlerDepartmentId: ids.handlerDepartmentId ?? undefined });
          }}
          style={{ width: 170 }}
        />
        {filtered && (
          <Button icon={<ClearOutlined aria-hidden />} onClick={() => onFilters({})}>
            {S.clearFilters}
          </Button>
        )}
      </Space>
      <DataTable label={S.entriesTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(receptionHash.entry(r.id))} />
    </div>
  );
}
