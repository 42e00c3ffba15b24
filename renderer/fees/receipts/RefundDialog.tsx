import { Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DepositRow } from '../../../shared/contract/fees-counter';
import { needsReference, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, refundAmount, type PaymentMethod } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { useCommandForm } from '../../components/forms';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import type { MoneyValue } from '../../components/moneyValue';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { REFUND_SLIP_FORM } from '../print/forms';
import { S } from '../strings';

interface RefundValues {
  deductions?: { amountFen?: MoneyValue; reason?: string }[];
  method: PaymentMethod;
  reference?: string;
  payeeName: string;
}

/**
 * 退押金: in full, or less deductions each with its reason (never more than the deposit); the
 * refund slip prints at once, naming the deposit's receipt.
 */
export function RefundDialog(props: { deposit: DepositRow; onClose(): void }) {
  const d = props.deposit;
  const openPrint = useOpenPrint();
  const [form] = Form.useForm<RefundValues>();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.refundDeposit');
  const method = Form.useWatch('method', form) ?? 'cash';
  const deductions = Form.useWatch('deductions', form) ?? [];
  const amounts = deductions.map((x) => (typeof x?.amountFen === 'number' ? x.amountFen : 0));
  const refund = refundAmount(d.amountFen, amounts);

  const onFinish = async (v: RefundValues) => {
    const result = await submit({
      depositId: d.id,
      deductions: (v.deductions ?? []).map((x) => ({ amountFen: x.amountFen as number, reason: (x.reason ?? '').trim() })),
      method: v.method,
      reference: needsReference(v.method) ? (v.reference ?? '').trim() : '',
      payeeName: (v.payeeName ?? '').trim(),
    });
    if (!result.ok) return;
    props.onClose();
    openPrint(printHash(REFUND_SLIP_FORM, { serial: result.value.no }));
  };

  return (
    <Modal open title={S.refundTitle(d.receiptNo)} okText={S.refund} confirmLoading={submitting} onOk={() => form.submit()} onCancel={props.onClose} maskClosable={false}>
      <Form<RefundValues> {...formProps} layout="vertical" autoComplete="off" initialValues={{ method: 'cash', payeeName: d.payerName, deductions: [] }} onFinish={(v) => void onFinish(v)}>
        <Typography.Paragraph>{`${d.unitCode} · ${d.item} · ${S.colDeposit} ${formatYuan(d.amountFen)}`}</Typography.Paragraph>
        <Form.List name="deductions">
          {(fields, { add, remove }) => (
            <>
              <Typography.Text>{S.refundDeductions}</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'amountFen']} rules={[moneyRule({ required: true })]}>
                    <MoneyInput required aria-label={S.deductionAmount} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} rules={[{ required: true, whitespace: true, message: S.deductionReason }]}>
                    <Input aria-label={S.deductionReason} placeholder={S.deductionReason} maxLength={100} style={{ width: 220 }} />
                  </Form.Item>
                  <Button aria-label={`${S.deductionAmount} ×`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} style={{ margin: '8px 0 16px' }}>
                {S.addDeduction}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph strong data-testid="refund-amount">
          {refund.ok ? S.refundPays(formatYuan(refund.refundFen)) : refund.message}
        </Typography.Paragraph>
        <Form.Item label={S.payMethod} name="method">
          <Radio.Group optionType="button" options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))} />
        </Form.Item>
        {method !== 'cash' && (
          <Form.Item label={S.payReference} name="reference" rules={[{ required: true, whitespace: true, message: S.payReferencePh }]}>
            <Input maxLength={60} placeholder={S.payReferencePh} />
          </Form.Item>
        )}
        <Form.Item label={S.prSignRefund} name="payeeName" rules={[{ required: true, whitespace: true, message: S.prSignRefund }]}>
          <Input maxLength={40} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
