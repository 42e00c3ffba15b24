import { useMemo } from 'react';
import { Button, Checkbox, Input, Space, Tag } from 'antd';
import { ClearOutlined, PrinterOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { KeyRow } from '../../shared/contract/keys';
import { KEY_CLASSES, KEY_CLASS_LABELS, KEY_STATES, KEY_STATE_LABELS } from '../../shared/keys';
import { officeDateTime } from '../dates';
import { DataTable } from '../components/DataTable';
import { LabelFilter } from '../components/LabelFilter';
import { sortableFields, useCommandList, type FiltersOf } from '../components/useCommandList';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { LABEL_FORM } from './print/forms';
import { go, keysHash } from './route';
import { KeyStateTag } from './tags';
import { S } from './strings';

export type KeyFilters = FiltersOf<'keys.list'>;

const col = createColumnHelper<KeyRow>();
const SORTABLE = sortableFields('keys.list');

/** `?relabel=1` (worn labels), `?unit=12` (the unit card's 钥匙): the filters a link asks for, or null. */
export function keyFiltersFromQuery(q: URLSearchParams): KeyFilters | null {
  const out: KeyFilters = {};
  if (q.get('relabel') === '1') out.needsRelabel = true;
  const unit = q.get('unit');
  if (unit && /^\d+$/.test(unit)) out.unitId = Number(unit);
  return Object.keys(out).length ? out : null;
}

/**
 * A run of labels to print at once: consecutive tags as one record (YS000001-YS000010), each
 * lone tag on its own. The label form takes one record at a time.
 */
export function labelRuns(tags: readonly string[]): string[] {
  const sorted = [...new Set(tags)].sort();
  const runs: string[] = [];
  let first = '';
  let last = '';
  const num = (t: string) => Number(t.slice(2));
  for (const t of sorted) {
    if (first && num(t) === num(last) + 1 && num(t) - num(first) < 200) last = t;
    else {
      if (first) runs.push(first === last ? first : `${first}-${last}`);
      first = last = t;
    }
  }
  if (first) runs.push(first === last ? first : `${first}-${last}`);
  return runs;
}

/** 钥匙登记簿: server-paged and sorted; filters live in the desk so they survive a trip to a key. */
export function KeyList(props: { filters: KeyFilters; onFilters(f: KeyFilters): void }) {
  const { filters, onFilters } = props;
  const list = useCommandList('keys.list', filters, { sort: { field: 'tag', desc: false }, pageSize: 50 });
  const openPrint = useOpenPrint();

  const columns = useMemo(
    () => [
      col.accessor('tag', { header: S.colTag, size: 100, cell: (c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{c.getValue()}</span> }),
      col.accessor('target', { header: S.colTarget, size: 140 }),
      col.accessor('keyClass', { header: S.colClass, size: 100, cell: (c) => KEY_CLASS_LABELS[c.getValue()] }),
      col.accessor((r) => r, {
        id: 'count',
        header: S.colCount,
        size: 70,
        cell: (c) => (
          <Space size={4}>
            {c.getValue().keyCount}
            {c.getValue().shortCount > 0 && <Tag color="warning">{S.shortMark(c.getValue().shortCount)}</Tag>}
          </Space>
        ),
      }),
      col.accessor('position', { header: S.colPosition, size: 90 }),
      col.accessor((r) => r, {
        id: 'state',
        header: S.colState,
        size: 120,
        cell: (c) => (
          <Space size={4}>
            <KeyStateTag state={c.getValue().state} />
            {c.getValue().needsRelabel && <Tag color="orange">{S.relabelMark}</Tag>}
          </Space>
        ),
      }),
      col.accessor((r) => r.openLoan, {
        id: 'loan',
        header: S.colLoan,
        size: 180,
        cell: (c) => {
          const l = c.getValue();
          return l ? S.loanText(l.borrowerName, officeDateTime(l.dueAt)) : '';
        },
      }),
      col.accessor('registeredAt', { header: S.colRegisteredAt, size: 128, cell: (c) => officeDateTime(c.getValue()) }),
    ],
    [],
  );

  const set = (patch: Partial<KeyFilters>) => onFilters({ ...filters, ...patch });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  // Worn labels are reprinted all at once: the page shown, in runs of consecutive tags.
  const relabelRuns = filters.needsRelabel ? labelRuns(list.rows.filter((r) => r.needsRelabel).map((r) => r.tag)) : [];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={S.filterText} placeholder={S.filterText} allowClear defaultValue={filters.text} onSearch={(text) => set({ text: text.trim() || undefined })} style={{ width: 220 }} />
        <LabelFilter label={S.filterState} all={S.allStates} values={KEY_STATES} labels={KEY_STATE_LABELS} value={filters.state} onChange={(state) => set({ state })} />
        <LabelFilter label={S.filterClass} all={S.allClasses} values={KEY_CLASSES} labels={KEY_CLASS_LABELS} value={filters.keyClass} onChange={(keyClass) => set({ keyClass })} />
        <Input aria-label={S.filterCabinet} placeholder={S.filterCabinet} allowClear value={filters.cabinet ?? ''} onChange={(e) => set({ cabinet: e.target.value.trim() || undefined })} style={{ width: 90 }} />
        <UnitPicker aria-label={S.registerUnit} value={filters.unitId ?? null} onChange={(unitId) => set({ unitId: unitId ?? undefined })} style={{ width: 150 }} />
        <Checkbox checked={!!filters.needsRelabel} onChange={(e) => set({ needsRelabel: e.target.checked || undefined })}>
          {S.filterRelabel}
        </Checkbox>
        {relabelRuns.length > 0 && (
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(LABEL_FORM, { serial: relabelRuns[0] }))}>
            {S.printRelabel(list.rows.filter((r) => r.needsRelabel).length)}
          </Button>
        )}
        {filtered && (
          <Button icon={<ClearOutlined aria-hidden />} onClick={() => onFilters({})}>
            {S.clearFilters}
          </Button>
        )}
      </Space>
      <DataTable label={S.listTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(keysHash.key(r.id))} />
    </div>
  );
}
