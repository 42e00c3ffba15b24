import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { ReceiptView } from '../../../shared/contract/fees-counter';
import { PAYMENT_METHOD_LABELS, RECEIPT_KIND_LABELS } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { FormModal } from '../../components/FormModal';
import { useCommandForm } from '../../components/forms';
import { LoadState } from '../../components/LoadState';
import { useNotify } from '../../components/notify';
import { useCommandResult } from '../../components/useCommandResult';
import { officeDateTime } from '../../dates';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { receiptFormOf } from '../print/forms';
import { feesHash, go } from '../route';
import { S } from '../strings';
import { ReceiptStateTag } from './ReceiptStateTag';

/**
 * A receipt by its number (the list, a scan) or its id (a counter-search hit): its lines, reprint,
 * and 作废 before the close or 红冲 after it.
 */
export function ReceiptByNo(props: { no: string }) {
  const key = /^\d+$/.test(props.no) ? { id: Number(props.no) } : { no: props.no };
  const { value: r, error, reload } = useCommandResult('fees.receipt', key);
  const openPrint = useOpenPrint();
  const [correcting, setCorrecting] = useState<'void' | 'reverse' | null>(null);
  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go(feesHash.receipts)}>
      {S.backToReceipts}
    </Button>
  );
  if (!r) {
    const shown = error?.kind === 'not_found' ? { ...error, message: S.receiptNotFound(props.no) } : error;
    return <LoadState error={shown} loading={S.receiptLoading} back={back} onRetry={reload} />;
  }
  const payment = r.kind === 'payment' && r.state === 'valid';
  return (
    <Card
      size="small"
      data-testid="receipt-detail"
      title={
        <Space>
          <span data-testid="receipt-no">{r.no}</span>
          <span>{RECEIPT_KIND_LABELS[r.kind]}</span>
          <ReceiptStateTag state={r.state} />
        </Space>
      }
      extra={back}
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={S.colUnit}>{r.unitCode}</Descriptions.Item>
        <Descriptions.Item label={S.colPayer}>{r.payerName}</Descriptions.Item>
        <Descriptions.Item label={S.colIssuedAt}>{officeDateTime(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={S.colMethod}>{PAYMENT_METHOD_LABELS[r.method]}</Descriptions.Item>
        <Descriptions.Item label={S.payReference}>{r.reference || S.none}</Descriptions.Item>
        <Descriptions.Item label={S.colCashier}>{r.cashierName}</Descriptions.Item>
        <Descriptions.Item label={S.colTotal}>
          <span data-testid="receipt-detail-total">{formatYuan(r.totalFen)}</span>
        </Descriptions.Item>
        {r.cashReceivedFen !== null && <Descriptions.Item label={S.payReceived}>{formatYuan(r.cashReceivedFen)}</Descriptions.Item>}
        {r.cashReceivedFen !== null && <Descriptions.Item label={S.payChange}>{formatYuan(r.changeFen)}</Descriptions.Item>}
        {r.originalNo && <Descriptions.Item label={S.prOriginal}>{r.originalNo}</Descriptions.Item>}
      </Descriptions>
      {r.state === 'voided' && <Alert type="error" showIcon title={`${S.voided}：${r.voidReason}（${r.voidedByName}${r.voidApproverName ? ` / ${r.voidApproverName}` : ''}）`} style={{ marginBottom: 12 }} />}
      {r.reversedByNo && <Alert type="warning" showIcon title={S.reversedBy(r.reversedByNo)} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        aria-label={S.receiptLines}
        rowKey="id"
        pagination={false}
        dataSource={r.lines}
        columns={[
          { title: S.colItem, dataIndex: 'item', render: (item: string, l) => (l.note ? `${item}（${l.note}）` : item) },
          { title: S.colPeriod, dataIndex: 'period', render: (p: string | null) => p ?? S.none },
          { title: S.colAmount, dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(receiptFormOf(r.no), { serial: r.no }))}>
          {r.printCount > 0 ? S.reprint : S.print}
        </Button>
        {payment && r.closeNo === null && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setCorrecting('void')}>
            {S.voidReceipt}
          </Button>
        )}
        {payment && r.closeNo !== null && !r.reversedByNo && (
          <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setCorrecting('reverse')}>
            {S.reverseReceipt}
          </Button>
        )}
      </Space>
      {correcting && <CorrectionModal receipt={r} action={correcting} onClose={() => setCorrecting(null)} />}
    </Card>
  );
}

/**
 * 作废 or 红冲 with a reason; the server asks for a supervisor's approval (typed at this counter)
 * and refuses a void after the close with its own message, shown as it says.
 */
function CorrectionModal(props: { receipt: ReceiptView; action: 'void' | 'reverse'; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const notify = useNotify();
  const voiding = props.action === 'void';
  const { submit, submitting, formProps } = useCommandForm(form, voiding ? 'fees.voidReceipt' : 'fees.reverseReceipt');
  return (
    <FormModal<{ reason: string }>
      title={voiding ? S.voidTitle(props.receipt.no) : S.reverseTitle(props.receipt.no)}
      okText={voiding ? S.voidReceipt : S.reverseReceipt}
      formProps={formProps}
      submitting={submitting}
      onClose={props.onClose}
      onFinish={(v) =>
        void submit({ id: props.receipt.id, reason: (v.reason ?? '').trim() }).then((result) => {
          if (!result.ok) return;
          notify.success(S.done);
          props.onClose();
          if (!voiding) go(feesHash.receipt(result.value.no));
        })
      }
    >
      <Typography.Paragraph type="secondary">{voiding ? S.voidHint : S.reverseHint}</Typography.Paragraph>
      <Form.Item name="reason" label={S.reason} rules={[{ required: true, whitespace: true, message: S.reasonPh }]}>
        <Input autoFocus maxLength={200} placeholder={S.reasonPh} />
      </Form.Item>
    </FormModal>
  );
}
