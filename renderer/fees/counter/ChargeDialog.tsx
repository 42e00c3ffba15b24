import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal';
import { useCommandForm } from '../../components/forms';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import type { MoneyValue } from '../../components/moneyValue';
import { S } from '../strings';

interface ChargeValues {
  item: string;
  amountFen?: MoneyValue;
  dueDate: Dayjs | null;
  note: string;
}

/**
 * 临时收费 at the counter: a one-off charge on the unit (装修垃圾清运, 门禁卡工本…) in words and an
 * amount; it joins the unit's unpaid bills, ticked, to be paid now or later.
 */
export function ChargeDialog(props: { unitId: number; unitCode: string; onDone(): void; onClose(): void }) {
  const [form] = Form.useForm<ChargeValues>();
  const { submit, submitting, formProps } = useCommandForm(form, 'fees.charge');
  return (
    <FormModal<ChargeValues>
      title={S.chargeTitle(props.unitCode)}
      okText={S.chargeOk}
      formProps={formProps}
      submitting={submitting}
      initialValues={{ item: '', dueDate: null, note: '' }}
      onClose={props.onClose}
      onFinish={async (v) => {
        const result = await submit({
          unitId: props.unitId,
          feeItemId: null,
          item: (v.item ?? '').trim(),
          amountFen: v.amountFen as number,
          period: null,
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          note: (v.note ?? '').trim(),
        });
        if (result.ok) props.onDone();
      }}
    >
      <Form.Item label={S.chargeItem} name="item" required>
        <Input autoFocus maxLength={60} placeholder={S.chargeItemPh} />
      </Form.Item>
      <Form.Item label={S.chargeAmount} name="amountFen" required rules={[moneyRule({ required: true, allowZero: false })]}>
        <MoneyInput required allowZero={false} aria-label={S.chargeAmount} />
      </Form.Item>
      <Form.Item label={S.chargeDue} name="dueDate" extra={S.chargeDueHelp}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={S.chargeNote} name="note">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
