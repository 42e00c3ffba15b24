import { useMemo } from 'react';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { CloseRow } from '../../../shared/contract/fees-counter';
import { cashDifference, differenceText } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { DataTable } from '../../components/DataTable';
import { useCommandForm } from '../../components/forms';
import { LoadState } from '../../components/LoadState';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import type { MoneyValue } from '../../components/moneyValue';
import { sortableFields, useCommandList } from '../../components/useCommandList';
import { useCommandResult } from '../../components/useCommandResult';
import { officeDateTime } from '../../dates';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { CLOSE_REPORT_FORM } from '../print/forms';
import { ShiftTable } from '../print/CloseReportPrint';
import { S } from '../strings';

/** 日结: my open shift per method, the cash counted, the difference, 日结 (confirmed), the A4 report; then the past closes. */
export function CloseView() {
  return (
    <div>
      <ShiftCard />
      <PastCloses />
    </div>
  );
}

interface CloseValues {
  countedCashFen?: MoneyValue;
  note?: string;
}

function ShiftCard() {
  const { modal } = App.useApp();
  const openPrint = useOpenPrint();
  const { value: shift, error, reload } = useCommandResult('fees.shift', {});
  const [form] = Form.useForm<CloseValues>();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.closeShift');
  const counted = Form.useWatch('countedCashFen', form);
  if (!shift) return <LoadState error={error} loading={S.closeLoading} onRetry={reload} />;
  const difference = typeof counted === 'number' ? cashDifference(counted, shift.expectedCashFen) : null;

  const onFinish = (v: CloseValues) =>
    modal.confirm({
      title: S.closeSubmit,
      content: S.closeConfirm,
      okText: S.closeSubmit,
      onOk: async () => {
        const result = await submit({ countedCashFen: v.countedCashFen as number, note: (v.note ?? '').trim() });
        if (result.ok) openPrint(printHash(CLOSE_REPORT_FORM, { serial: result.value.no }));
      },
    });

  return (
    <Card size="small" title={`${S.closeShift} · ${shift.cashierName}`} data-testid="shift-card" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        {shift.firstAt ? `${S.closeShiftFrom(officeDateTime(shift.firstAt))}，${S.prCloseReceipts} ${shift.receiptCount}` : S.closeEmpty}
      </Typography.Paragraph>
      <ShiftTable figures={shift} className="fees-bills" label={S.closeTable} />
      <Form<CloseValues> {...formProps} layout="inline" autoComplete="off" onFinish={onFinish} style={{ marginTop: 16, rowGap: 8 }}>
        <Form.Item label={S.colExpectedCash}>
          <span className="fees-total" data-testid="expected-cash">
            {formatYuan(shift.expectedCashFen)}
          </span>
        </Form.Item>
        <Form.Item label={S.closeCounted} name="countedCashFen" required rules={[moneyRule({ required: true, allowZero: true })]}>
          <MoneyInput required allowZero autoFocus />
        </Form.Item>
        <Form.Item label={S.closeDifference}>
          <span className="fees-total" data-testid="close-difference">
            {difference === null ? S.none : differenceText(difference)}
          </span>
        </Form.Item>
        <Form.Item name="note">
          <Input aria-label={S.closeNote} placeholder={S.closeNote} maxLength={200} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<LockOutlined aria-hidden />} loading={submitting} disabled={shift.receiptCount === 0}>
          {S.closeSubmit}
        </Button>
      </Form>
    </Card>
  );
}

const col = createColumnHelper<CloseRow>();
const SORTABLE = sortableFields('fees.closes');
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** 历次日结: Enter on one prints (reprints) its report. */
function PastCloses() {
  const openPrint = useOpenPrint();
  const list = useCommandList('fees.closes', {}, { sort: { field: 'closedAt', desc: true }, pageSize: 50 });
  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.colCloseNo, size: 130, cell: (c) => <span style={NUM}>{c.getValue()}</span> }),
      col.accessor('closedAt', { header: S.colClosedAt, size: 132, cell: (c) => <span style={NUM}>{officeDateTime(c.getValue())}</span> }),
      col.accessor('cashierName', { header: S.colCashier, size: 90 }),
      col.accessor('receiptCount', { header: S.prCloseReceipts, size: 80 }),
      col.accessor('expectedFen', { header: S.colExpected, size: 110, cell: (c) => <span style={NUM}>{formatYuan(c.getValue())}</span> }),
      col.accessor('expectedCashFen', { header: S.colExpectedCash, size: 110, cell: (c) => <span style={NUM}>{formatYuan(c.getValue())}</span> }),
      col.accessor('countedCashFen', { header: S.colCounted, size: 110, cell: (c) => <span style={NUM}>{formatYuan(c.getValue())}</span> }),
      col.accessor('differenceFen', { header: S.colDifference, size: 120, cell: (c) => differenceText(c.getValue()) }),
    ],
    [],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{S.pastCloses}</Typography.Title>
      <DataTable label={S.pastClosesTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => openPrint(printHash(CLOSE_REPORT_FORM, { serial: r.no }))} height={300} />
    </Space>
  );
}
