import { useMemo } from 'react';
import { Button, Checkbox, Segmented, Space, Typography } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { EntryRow } from '../../shared/contract/reception';
import { officeDateTime } from '../dates';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, ENTRY_STATES, ENTRY_STATE_LABELS, URGENCIES, URGENCY_LABELS } from '../../shared/reception';
import { DataTable } from '../components/DataTable';
import { sortableFields, useCommandList, type FiltersOf } from '../components/useCommandList';
import { DatesAndUnitFilters, LabelFilter } from './filters';
import { StaffPicker, staffKey } from '../components/pickers/StaffPicker';
import { handlerIds } from './handler';
import { go, receptionHash } from './route';
import { CategoryTag, EntryStateTag, TimeText } from './tags';
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
        <Checkbox checked={!!filters.escalatedToMe} onChange={(e) => set({ escalatedToMe: e.target.checked || undefined })}>
          {S.escalatedToMe}
        </Checkbox>
        <DatesAndUnitFilters filters={filters} set={set} />
        <LabelFilter label={S.filterCategory} all={S.allCategories} values={CATEGORIES} labels={CATEGORY_LABELS} value={filters.category} onChange={(category) => set({ category })} />
        <LabelFilter label={S.filterChannel} all={S.allChannels} values={CHANNELS} labels={CHANNEL_LABELS} value={filters.channel} onChange={(channel) => set({ channel })} />
        <LabelFilter label={S.filterState} all={S.allStates} values={ENTRY_STATES} labels={ENTRY_STATE_LABELS} value={filters.state} onChange={(state) => set({ state })} />
        <LabelFilter label={S.filterUrgency} all={S.allUrgencies} values={URGENCIES} labels={URGENCY_LABELS} value={filters.urgency} onChange={(urgency) => set({ urgency })} />
        <StaffPicker
          aria-label={S.filterHandler}
          placeholder={S.allHandlers}
          value={staffKey(filters.handlerStaffId ?? null, filters.handlerDepartmentId ?? null) ?? null}
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
