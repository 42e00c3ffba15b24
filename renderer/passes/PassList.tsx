import { useMemo } from 'react';
import { Button, Input, Segmented, Space, Typography } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { PassRow } from '../../shared/contract/passes';
import { APPLICANT_TYPE_LABELS, PASS_STATES, PASS_STATE_LABELS, PASS_TYPE_LABELS, type PassState } from '../../shared/passes';
import { officeDateTime } from '../dates';
import { DataTable } from '../components/DataTable';
import { DateRangeFilter } from '../components/DateRangeFilter';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { sortableFields, useCommandList, type FiltersOf } from '../components/useCommandList';
import { go, passesHash } from './route';
import { PassStateTag } from './tags';
import { S } from './strings';

export type PassFilters = FiltersOf<'passes.list'>;

const col = createColumnHelper<PassRow>();
const SORTABLE = sortableFields('passes.list');
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const ALL = 'all';

/** 放行单列表: server-paged and sorted; state tabs, planned days, unit and number; filters live in the desk. */
export function PassList(props: { filters: PassFilters; onFilters(f: PassFilters): void; onNew(): void }) {
  const { filters, onFilters } = props;
  const list = useCommandList('passes.list', filters, { sort: { field: 'createdAt', desc: true }, pageSize: 50 });

  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.colNo, size: 130, cell: (c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{c.getValue()}</span> }),
      col.accessor('createdAt', { header: S.colAppliedAt, size: 132, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.accessor('unitCode', { header: S.colUnit, size: 100 }),
      col.accessor((r) => `${r.applicantName}（${APPLICANT_TYPE_LABELS[r.applicantType]}）`, { id: 'applicant', header: S.colApplicant, size: 130 }),
      col.accessor('type', { header: S.colType, size: 80, cell: (c) => PASS_TYPE_LABELS[c.getValue()] }),
      col.accessor('itemsText', {
        header: S.colItems,
        size: 200,
        cell: (c) => (
          <Typography.Text ellipsis={{ tooltip: c.getValue() }} style={{ width: '100%' }}>
            {c.getValue()}
          </Typography.Text>
        ),
      }),
      col.accessor('plannedAt', { header: S.colPlanned, size: 132, cell: (c) => <span style={NOWRAP}>{officeDateTime(c.getValue())}</span> }),
      col.accessor('state', { header: S.colState, size: 80, cell: (c) => <PassStateTag state={c.getValue()} /> }),
    ],
    [],
  );

  const set = (patch: Partial<PassFilters>) => onFilters({ ...filters, ...patch });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onNew}>
          {`${S.newPass} (${S.newPassKey})`}
        </Button>
        <Segmented<PassState | typeof ALL>
          aria-label={S.stateTabs}
          value={filters.state ?? ALL}
          onChange={(v) => set({ state: v === ALL ? undefined : v })}
          options={[{ value: ALL, label: S.allStates }, ...PASS_STATES.map((s) => ({ value: s, label: PASS_STATE_LABELS[s] }))]}
        />
        <DateRangeFilter label={S.filterDates} from={filters.from} to={filters.to} onChange={set} />
        <UnitPicker aria-label={S.filterUnit} value={filters.unitId ?? null} onChange={(unitId) => set({ unitId: unitId ?? undefined })} style={{ width: 150 }} />
        <Input.Search
          aria-label={S.filterNo}
          placeholder={S.filterNo}
          allowClear
          defaultValue={filters.no}
          onSearch={(no) => set({ no: no.trim() || undefined })}
          style={{ width: 180 }}
        />
        {filtered && (
          <Button icon={<ClearOutlined aria-hidden />} onClick={() => onFilters({})}>
            {S.clearFilters}
          </Button>
        )}
      </Space>
      <DataTable label={S.passesTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(passesHash.pass(r.id))} />
    </div>
  );
}
