import { useState } from 'react';
import { Alert, Form, InputNumber, Modal, Select, Table } from 'antd';
import type { PrepayPreview } from '../../../shared/contract/fees-counter';
import { isPeriodic } from '../../../shared/fees';
import { formatYuan } from '../../../shared/money';
import { useCommandResult } from '../../components/useCommandResult';
import { S } from '../strings';

/** A prepayment the counter will take with the ticked bills: what fees.pay gets, and what the preview showed. */
export interface CounterPrepay {
  feeItemId: number;
  months: number;
  preview: PrepayPreview;
}

/** 预交 months, e.g. '2027-01 至 2027-06（6 个月）'. */
export function prepayRange(p: PrepayPreview): string {
  const first = p.months[0]?.period ?? '';
  const last = p.months[p.months.length - 1]?.period ?? '';
  return S.prepayRange(first, last, p.months.length);
}

/**
 * 预交 (F7 at the counter): a periodic fee item and a number of months; the server's preview — the
 * months from after the last paid one, each amount, the total — is shown before the item is added to
 * the payment. Nothing is written until the payment itself.
 */
export function PrepayDialog(props: { unitId: number; unitCode: string; onAdd(prepay: CounterPrepay): void; onClose(): void }) {
  const { value: items } = useCommandResult('fees.items', {});
  const periodic = (items ?? []).filter((i) => i.enabled && isPeriodic(i.method) && i.method !== 'metered');
  const [feeItemId, setFeeItemId] = useState<number | null>(null);
  const [months, setMonths] = useState<number | null>(12);
  const chosen = feeItemId ?? periodic[0]?.id ?? null;
  const ask = chosen !== null && months !== null && Number.isInteger(months) && months >= 1 && months <= 36;
  // One read per choice; the answer is shown only while it is still for what is chosen.
  const { value: preview, error } = useCommandResult('fees.previewPrepay', ask ? { unitId: props.unitId, feeItemId: chosen, months } : { unitId: props.unitId, feeItemId: 0, months: 1 });
  const current = ask && preview && preview.feeItemId === chosen && preview.months.length === months ? preview : null;

  return (
    <Modal
      open
      title={S.prepayTitle(props.unitCode)}
      okText={S.prepayAdd}
      okButtonProps={{ disabled: !current }}
      onOk={() => current && props.onAdd({ feeItemId: current.feeItemId, months: current.months.length, preview: current })}
      onCancel={props.onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {items && !periodic.length ? (
        <Alert type="info" showIcon title={S.prepayNone} />
      ) : (
        <Form layout="vertical" onFinish={() => current && props.onAdd({ feeItemId: current.feeItemId, months: current.months.length, preview: current })}>
          <Form.Item label={S.prepayItem}>
            <Select<number> aria-label={S.prepayItem} value={chosen ?? undefined} onChange={setFeeItemId} options={periodic.map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item label={S.prepayMonths}>
            <InputNumber aria-label={S.prepayMonths} autoFocus min={1} max={36} precision={0} value={months} onChange={(v) => setMonths(v)} style={{ width: 120 }} />
          </Form.Item>
          {error && ask && <Alert type="warning" showIcon title={error.message} data-testid="prepay-problem" />}
          {current && (
            <Table
              data-testid="prepay-preview"
              size="small"
              pagination={false}
              rowKey="period"
              dataSource={current.months}
              columns={[
                { title: S.colPeriod, dataIndex: 'period' },
                { title: S.colBasis, dataIndex: 'basis' },
                { title: S.colAmount, dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatYuan(fen) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    {prepayRange(current)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span data-testid="prepay-total">{formatYuan(current.totalFen)}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          )}
          {/* Enter in the months box adds it (implicit submission needs a submit button). */}
          <button type="submit" hidden />
        </Form>
      )}
    </Modal>
  );
}
