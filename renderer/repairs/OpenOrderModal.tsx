import { useEffect, useState } from 'react';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { UnitCard } from '../../shared/contract/estate';
import { LINK_ROLE_LABELS } from '../../shared/estate';
import { PHONE_INPUT_MAX } from '../../shared/phone';
import { ORDER_SCOPES, ORDER_SCOPE_LABELS, type OrderScope } from '../../shared/repairs';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { call } from '../api/client';
import { useRepairCategories } from './categories';
import { EMPTY_ORDER_FIELDS, OrderFields, orderFieldsInput, categoryKeyHandler, type OrderFieldValues } from './OrderFields';
import { go, repairsHash } from './route';
import { S } from './strings';

interface OpenValues extends OrderFieldValues {
  scope: OrderScope;
  unitId: number | null;
  location: string;
  personId: number | null;
  contactName: string;
  contactPhone: string;
}

/** The unit's current residents, owners first: the server copies the chosen one's name and number onto the order. */
function residentOptions(card: UnitCard | null) {
  const order = ['owner', 'tenant', 'family', 'agent'];
  return (card?.people ?? [])
    .filter((l) => l.endDate === null)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((l) => ({ value: l.person.id, label: `${l.person.name}（${LINK_ROLE_LABELS[l.role]}）` }));
}

/**
 * 新报修: 入户 (a unit, its resident as the contact) or 公共 (a location in words); the category
 * by digit 1–8 when the focus is not in a text box; 有偿 needs the charge items told to the owner.
 * Opens the new order when done.
 */
export function OpenOrderModal(props: { unit?: UnitCard; onClose(): void }) {
  const [form] = Form.useForm<OpenValues>();
  const { offered } = useRepairCategories();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'repairs.open');
  const scope = Form.useWatch('scope', form) ?? 'in_home';
  const unitId = Form.useWatch('unitId', form) ?? null;
  const [pickedCard, setPickedCard] = useState<UnitCard | null>(null);
  const card = props.unit ?? (unitId !== null && pickedCard?.unit.id === unitId ? pickedCard : null);
  const residents = residentOptions(card);
  const owner = residentOptions(props.unit ?? null)[0]?.value ?? null;

  // A unit picked here offers its own residents, the owner chosen: the old contact no longer applies.
  useEffect(() => {
    if (props.unit || unitId === null) return;
    let live = true;
    void call('estate.unitCard', { id: unitId }).then((r) => {
      if (!live || !r.ok) return;
      setPickedCard(r.value);
      form.setFieldValue('personId', residentOptions(r.value)[0]?.value ?? null);
    });
    return () => {
      live = false;
    };
  }, [props.unit, unitId, form]);

  const onKeyDown = categoryKeyHandler(form, offered);

  return (
    <FormModal<OpenValues>
      title={props.unit ? S.openFromUnitTitle(props.unit.unit.code) : S.openTitle}
      formProps={formProps}
      submitting={submitting}
      onClose={props.onClose}
      initialValues={{
        scope: 'in_home',
        unitId: props.unit?.unit.id ?? null,
        location: '',
        personId: owner,
        contactName: '',
        contactPhone: '',
        ...EMPTY_ORDER_FIELDS,
      }}
      onFinish={async (v) => {
        const inHome = v.scope === 'in_home';
        const result = await submit({
          scope: v.scope,
          unitId: inHome ? v.unitId : null,
          location: inHome ? '' : (v.location ?? ''),
          personId: inHome ? (v.personId ?? null) : null,
          contactName: v.contactName ?? '',
          contactPhone: v.contactPhone ?? '',
          ...orderFieldsInput(v, inHome),
        });
        if (!result.ok) return;
        notify.success(S.opened(result.value.no));
        props.onClose();
        go(repairsHash.order(result.value.id));
      }}
    >
      <div onKeyDown={onKeyDown} data-testid="open-order">
        <Form.Item label={S.scope} name="scope" required>
          <Radio.Group options={ORDER_SCOPES.map((s) => ({ value: s, label: ORDER_SCOPE_LABELS[s] }))} disabled={!!props.unit} />
        </Form.Item>
        {scope === 'in_home' ? (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label={S.unit} name="unitId" required>
                {props.unit ? <Input value={props.unit.unit.code} disabled /> : <UnitPicker aria-label={S.unit} autoFocus />}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={S.resident} name="personId">
                <Select<number> allowClear aria-label={S.resident} options={residents} placeholder={S.resident} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item label={S.location} name="location" required>
            <Input maxLength={80} placeholder={S.locationPh} autoFocus />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={scope === 'in_home' ? S.contactOther : S.contactName} name="contactName">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={S.contactPhone} name="contactPhone">
              <Input maxLength={PHONE_INPUT_MAX} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <OrderFields chargeableOffered={scope === 'in_home'} />
      </div>
    </FormModal>
  );
}
