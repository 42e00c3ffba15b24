import { useMemo, useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { DepositRow, ReceiptRow } from '../../../shared/contract/fees-counter';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, RECEIPT_KINDS, RECEIPT_KIND_LABELS, RECEIPT_STATES, RECEIPT_STATE_LABELS } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { DataTable } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { LabelFilter } from '../../components/LabelFilter';
import { sortableFields, useCommandList, type FiltersOf } from '../../components/useCommandList';
import { officeDateTime } from '../../dates';
import { feesHash, go } from '../route';
import { S } from '../strings';
import { RefundDialog } from './RefundDialog';
import { ReceiptStateTag } from './ReceiptStateTag';

type ReceiptFilters = FiltersOf<'fees.receipts'>;
const col = createColumnHelper<ReceiptRow>();
const SORTABLE = sortableFields('fees.receipts');
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** 收据: every receipt, reversal and refund slip, server-paged; Enter opens one. Then the deposits still held. */
export function ReceiptsView() {
  const [filters, setFilters] = useState<ReceiptFilters>({});
  const list = useCommandList('fees.receipts', filters, { sort: { field: 'createdAt', desc: true }, pageSize: 50 });
  const set = (patch: Partial<ReceiptFilters>) => setFilters({ ...filters, ...patch });
  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.colReceiptNo, size: 120, cell: (c) => <span style={NUM}>{c.getValue()}</span> }),
      col.accessor('createdAt', { header: S.colIssuedAt, size: 132, cell: (c) => <span style={NUM}>{officeDateTime(c.getValue())}</span> }),
      col.accessor('unitCode', { header: S.colUnit, size: 100 }),
      col.accessor('payerName', { header: S.colPayer, size: 90 }),
      col.accessor('kind', { header: S.colKind, size: 90, cell: (c) => RECEIPT_KIND_LABELS[c.getValue()] }),
      col.accessor('method', { header: S.colMethod, size: 70, cell: (c) => PAYMENT_METHOD_LABELS[c.getValue()] }),
      col.accessor('totalFen', { header: S.colTotal, size: 110, cell: (c) => <span style={NUM}>{formatYuan(c.getValue())}</span> }),
      col.accessor('state', { header: S.colState, size: 80, cell: (c) => <ReceiptStateTag state={c.getValue()} /> }),
      col.accessor('cashierName', { header: S.colCashier, size: 90 }),
    ],
    [],
  );
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={S.receiptNo}
          placeholder={S.receiptNoPh}
          allowClear
          style={{ width: 180 }}
          onSearch={(no) => set({ no: no.trim().toUpperCase() || undefined })}
        />
        <DateRangeFilter label={S.receiptsDays} from={filters.from} to={filters.to} onChange={set} />
        <LabelFilter label={S.filterMethod} all={S.allMethods} values={PAYMENT_METHODS} labels={PAYMENT_METHOD_LABELS} value={filters.method} onChange={(method) => set({ method })} />
        <LabelFilter label={S.filterState} all={S.allStates} values={RECEIPT_STATES} labels={RECEIPT_STATE_LABELS} value={filters.state} onChange={(state) => set({ state })} />
        <LabelFilter label={S.filterKind} all={S.allKinds} values={RECEIPT_KINDS} labels={RECEIPT_KIND_LABELS} value={filters.kind} onChange={(kind) => set({ kind })} />
        {Object.values(filters).some((v) => v !== undefined) && (
          <Button icon={<ClearOutlined aria-hidden />} onClick={() => setFilters({})}>
            {S.clearFilters}
          </Button>
        )}
      </Space>
      <DataTable label={S.receiptsTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(feesHash.receipt(r.no))} height="max(240px, calc(100vh - 560px))" />
      <HeldDeposits />
    </div>
  );
}

const depositCol = createColumnHelper<DepositRow>();
const DEPOSIT_SORTABLE = sortableFields('fees.deposits');

/** 未退保证金: Enter (or 退押金) on one opens the refund, with its deductions. */
function HeldDeposits() {
  const list = useCommandList('fees.deposits', { state: 'held' }, { sort: { field: 'collectedAt', desc: true }, pageSize: 50 });
  const [refunding, setRefunding] = useState<DepositRow | null>(null);
  const columns = useMemo(
    () => [
      depositCol.accessor('receiptNo', { header: S.colReceiptNo, size: 120, cell: (c) => <span style={NUM}>{c.getValue()}</span> }),
      depositCol.accessor('collectedAt', { header: S.colReceivedOn, size: 132, cell: (c) => <span style={NUM}>{officeDateTime(c.getValue())}</span> }),
      depositCol.accessor('unitCode', { header: S.colUnit, size: 100 }),
      depositCol.accessor('item', { header: S.colItem, size: 120 }),
      depositCol.accessor('payerName', { header: S.colPayer, size: 90 }),
      depositCol.accessor('amountFen', { header: S.colDeposit, size: 110, cell: (c) => <span style={NUM}>{formatYuan(c.getValue())}</span> }),
      depositCol.display({
        id: 'refund',
        header: '',
        size: 90,
        cell: (c) => (
          <Button size="small" onClick={() => setRefunding(c.row.original)}>
            {S.refund}
          </Button>
        ),
      }),
    ],
    [],
  );
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{S.depositsTitle}</Typography.Title>
      <DataTable label={S.depositsTable} columns={columns} list={list} sortable={DEPOSIT_SORTABLE} rowKey={(r) => r.id} onOpen={setRefunding} height={240} />
      {refunding && <RefundDialog deposit={refunding} onClose={() => setRefunding(null)} />}
    </div>
  );
}
