import { useEffect, useRef } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import type { ReceiptView } from '../../../shared/contract/fees-counter';
import { changeFor, needsReference, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { useCommandForm } from '../../components/forms';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import type { MoneyValue } from '../../components/moneyValue';
import { S } from '../strings';
import { methodKey, methodOfKey } from './payment';

/** 收款 as it is, or with a discount/waiver (优惠/减免: a reason, and a supervisor's approval typed here). */
export type PayMode = 'pay' | 'discount';

interface PayValues {
  method: PaymentMethod;
  cashReceivedFen?: MoneyValue;
  reference?: string;
  payerName: string;
  discounts?: { amountFen?: MoneyValue; reason?: string }[];
}

const METHOD_RADIO = '[data-hotkeys="method"] input[type="radio"]:checked';
const fieldId = (form: string, field: string) => `${form}_${field}`;

/**
 * The pay dialog, keyboard first: it opens on the method (现金 ticked); a digit 1–6 picks the method
 * and moves on to 实收 (cash, change shown as it is typed, less than due refused) or the transaction
 * reference; Enter confirms. A discount needs a reason; the server then asks for a supervisor's
 * approval (the app's one approval dialog), and the receipt prints the discount and who approved it.
 */
export function PayDialog(props: {
  mode: PayMode;
  unitId: number;
  unitCode: string;
  payer: string;
  billIds: number[];
  /** 预交 months added at the counter (F7), billed and paid on this receipt. */
  prepay?: { feeItemId: number; months: number }[];
  dueFen: number;
  onPaid(receipt: ReceiptView): void;
  onClose(): void;
}) {
  const discounted = props.mode === 'discount';
  const [form] = Form.useForm<PayValues>();
  const { submit, submitting, formProps } = useCommandForm(form, discounted ? 'fees.payWithDiscount' : 'fees.pay');
  const body = useRef<HTMLDivElement>(null);
  const method = Form.useWatch('method', form) ?? 'cash';
  const received = Form.useWatch('cashReceivedFen', form);
  const discount = Form.useWatch(['discounts', 0, 'amountFen'], form);
  const dueFen = props.dueFen - (discounted && typeof discount === 'number' ? discount : 0);
  const change = changeFor(method, dueFen, typeof received === 'number' ? received : null);

  // A method picked moves on to its field, once the form shows it (cash and the others have different fields).
  const moveOn = useRef(false);
  const focusNext = () => {
    moveOn.current = true;
  };
  const focusFieldOf = (m: PaymentMethod) => document.getElementById(fieldId(formProps.name, m === 'cash' ? 'cashReceivedFen' : 'reference'))?.focus();
  useEffect(() => {
    if (!moveOn.current) return;
    moveOn.current = false;
    focusFieldOf(method);
  });

  // Digits pick the method wherever the operator is not typing (an amount or a reference is typed in its box).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!target || !body.current?.closest('[role="dialog"]')?.contains(target)) return;
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      if (target.closest('textarea, input:not([type="radio"]), .ant-select')) return;
      const m = methodOfKey(e.key);
      if (!m) return;
      e.preventDefault();
      // The same method again only moves on; another one moves on once its field is shown.
      if (m === method) return focusFieldOf(m);
      focusNext();
      form.setFieldValue('method', m);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const onFinish = async (v: PayValues) => {
    const base = {
      unitId: props.unitId,
      billIds: props.billIds,
      prepay: props.prepay ?? [],
      method: v.method,
      reference: needsReference(v.method) ? (v.reference ?? '').trim() : '',
      cashReceivedFen: v.method === 'cash' && typeof v.cashReceivedFen === 'number' ? v.cashReceivedFen : null,
      payerName: (v.payerName ?? '').trim(),
    };
    const discounts = (v.discounts ?? []).map((d) => ({ billId: null, amountFen: d.amountFen as number, reason: (d.reason ?? '').trim() }));
    const result = await submit(discounted ? { ...base, discounts } : base);
    if (result.ok) props.onPaid(result.value);
  };

  return (
    <Modal
      open
      title={discounted ? S.discountTitle(props.unitCode) : S.payTitle(props.unitCode)}
      okText={S.payOk}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      maskClosable={false}
      afterOpenChange={(open) => {
        if (open) body.current?.querySelector<HTMLElement>(METHOD_RADIO)?.focus();
      }}
      data-testid="pay-dialog"
    >
      <div ref={body}>
        <Form<PayValues>
          {...formProps}
          layout="vertical"
          autoComplete="off"
          initialValues={{ method: 'cash', payerName: props.payer, discounts: discounted ? [{}] : undefined }}
          onFinish={(v) => void onFinish(v)}
        >
          <Typography.Paragraph>
            {S.payDue}：
            <span className="fees-total" data-testid="pay-due">
              {formatYuan(dueFen)}
            </span>
          </Typography.Paragraph>
          <Form.Item label={S.payMethod} name="method" extra={S.payMethodHint}>
            <Radio.Group
              data-hotkeys="method"
              optionType="button"
              buttonStyle="solid"
              onChange={focusNext}
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: `${methodKey(m)} ${PAYMENT_METHOD_LABELS[m]}` }))}
            />
          </Form.Item>
          {discounted && (
            <>
              <Alert type="warning" showIcon title={S.discountNeedsApproval} style={{ marginBottom: 12 }} />
              <Form.Item label={S.discountAmount} name={['discounts', 0, 'amountFen']} required rules={[moneyRule({ required: true })]}>
                <MoneyInput required />
              </Form.Item>
              <Form.Item label={S.discountReason} name={['discounts', 0, 'reason']} rules={[{ required: true, whitespace: true, message: S.discountReason }]}>
                <Input maxLength={100} placeholder={S.discountReasonPh} />
              </Form.Item>
            </>
          )}
          {method === 'cash' ? (
            <Form.Item
              label={S.payReceived}
              name="cashReceivedFen"
              required
              rules={[
                moneyRule({ required: true }),
                {
                  validator: (_r, value: MoneyValue) => {
                    const reading = changeFor('cash', dueFen, typeof value === 'number' ? value : null);
                    return typeof value !== 'number' || reading.ok ? Promise.resolve() : Promise.reject(new Error(reading.message));
                  },
                },
              ]}
              extra={
                <span data-testid="pay-change">
                  {S.payChange}：{change.ok ? formatYuan(change.changeFen) : S.none}
                </span>
              }
            >
              <MoneyInput required />
            </Form.Item>
          ) : (
            <Form.Item label={S.payReference} name="reference" rules={[{ required: true, whitespace: true, message: S.payReferencePh }]}>
              <Input maxLength={60} placeholder={S.payReferencePh} />
            </Form.Item>
          )}
          <Form.Item label={S.payPayer} name="payerName" rules={[{ required: true, whitespace: true, message: S.payPayerPh }]}>
            <Input maxLength={40} placeholder={S.payPayerPh} />
          </Form.Item>
          {/* Enter in any box confirms (implicit submission needs a submit button). */}
          <button type="submit" hidden />
        </Form>
      </div>
    </Modal>
  );
}
