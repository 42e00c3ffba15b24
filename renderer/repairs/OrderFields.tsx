import type { KeyboardEvent } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RepairCategory, RepairCategoryDef } from '../../shared/repairs';
import { useRepairCategories } from './categories';
import { pickedToIso } from '../dates';
import { S } from './strings';

/** What every way of opening an order asks: the category, the fault, the agreed time, 紧急, 有偿 and what the owner was told. */
export interface OrderFieldValues {
  category: RepairCategory | undefined;
  description: string;
  appointmentAt: Dayjs | null;
  emergency: boolean;
  chargeable: boolean;
  chargeItems: string;
}

export const EMPTY_ORDER_FIELDS: OrderFieldValues = { category: undefined, description: '', appointmentAt: null, emergency: false, chargeable: false, chargeItems: '' };

/** Digits 1–9 pick the offered category when the focus is not in a text box (as reception's form does). */
export function categoryKeyHandler(form: FormInstance, offered: readonly RepairCategoryDef[]) {
  return (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('textarea, input:not([type="radio"]):not([type="checkbox"]), .ant-select, .ant-picker')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, offered.length)) {
        e.preventDefault();
        form.setFieldValue('category', offered[n - 1]!.key);
      }
  };
}

/** The order's own fields, inside a form holding OrderFieldValues; 有偿 only for 入户 (public repairs charge no owner). */
export function OrderFields(props: { chargeableOffered: boolean; descriptionRequired?: boolean }) {
  const chargeable = (Form.useWatch('chargeable') as boolean | undefined) ?? false;
  const { offered } = useRepairCategories();
  return (
    <>
      <Form.Item label={S.category} name="category" required>
        <Radio.Group options={offered.map((c, i) => ({ value: c.key, label: i < 9 ? `${i + 1} ${c.label}` : c.label }))} />
      </Form.Item>
      <Form.Item label={S.description} name="description" required={props.descriptionRequired ?? true}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={S.descriptionPh} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={S.appointment} name="appointmentAt" extra={S.appointmentNow}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label=" " colon={false}>
            <Form.Item name="emergency" valuePropName="checked" noStyle>
              <Checkbox>{S.emergency}</Checkbox>
            </Form.Item>
            {props.chargeableOffered && (
              <Form.Item name="chargeable" valuePropName="checked" noStyle>
                <Checkbox>{S.chargeable}</Checkbox>
              </Form.Item>
            )}
          </Form.Item>
        </Col>
      </Row>
      {props.chargeableOffered && chargeable && (
        <Form.Item label={S.chargeItems} name="chargeItems" required>
          <Input maxLength={300} placeholder={S.chargeItemsPh} />
        </Form.Item>
      )}
    </>
  );
}

/** The order fields as the open commands take them (有偿 only where offered). */
export function orderFieldsInput(v: OrderFieldValues, chargeableOffered: boolean) {
  const chargeable = chargeableOffered && !!v.chargeable;
  return {
    category: v.category as RepairCategory,
    description: v.description ?? '',
    appointmentAt: v.appointmentAt ? pickedToIso(v.appointmentAt) : null,
    emergency: !!v.emergency,
    chargeable,
    chargeItems: chargeable ? (v.chargeItems ?? '') : '',
  };
}
