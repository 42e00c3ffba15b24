import { Alert, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { UnitCard } from '../../shared/contract/estate';
import {
  APPLICANT_NEEDS,
  APPLICANT_TYPES,
  APPLICANT_TYPE_LABELS,
  CONFIRMATION_METHODS,
  CONFIRMATION_METHOD_LABELS,
  needsReleaseCertificate,
  PASS_TYPES,
  PASS_TYPE_LABELS,
  type ApplicantType,
  type ConfirmationMethod,
  type PassType,
} from '../../shared/passes';
import { PHONE_INPUT_MAX } from '../../shared/phone';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { afterToday, dayText, futureTimes, officeNow, officeToday, pickedToIso } from '../dates';
import { BLANK_ITEM, ItemLines, itemsInput, type ItemLineValue } from './ItemLines';
import { VehicleFields, vehicleInput, type VehicleValues } from './VehicleFields';
import { go, passesHash } from './route';
import { S } from './strings';

interface NewPassValues extends VehicleValues {
  unitId: number | null;
  applicant: { type: ApplicantType; name: string; phone: string; idTail: string };
  type: PassType;
  items: ItemLineValue[];
  plannedAt: Dayjs | null;
  ownerConfirmation: { method: ConfirmationMethod; at: Dayjs | null; ownerName: string; takenBy: string };
  authorisation: { ownerName: string; signedOn: Dayjs | null; note: string };
  releaseCertificateNo: string;
  notes: string;
}

const DATE_TIME = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } } as const;

/**
 * 新申请物品放行 (F8 on the desk; 物品放行 on the unit card, the unit filled in). What the applicant's
 * kind requires is shown beside it and asked for: a tenant the owner's confirmation (how, when,
 * which owner), an agent the owner's written authorisation, company property the 外运证明 number.
 * The contract's own schema checks it all before sending; the new pass opens when done.
 */
export function NewPassModal(props: { unit?: UnitCard; onClose(): void }) {
  const [form] = Form.useForm<NewPassValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'passes.apply');
  const applicantType: ApplicantType = Form.useWatch(['applicant', 'type'], form) ?? 'owner';
  const passType: PassType = Form.useWatch('type', form) ?? 'moving';

  const onFinish = async (v: NewPassValues) => {
    const items = itemsInput(v.items);
    if (!items.length) return form.setFields([{ name: ['items', 0, 'name'], errors: [S.itemsRequired] }]);
    if (!v.unitId) return form.setFields([{ name: 'unitId', errors: [S.unitRequired] }]);
    if (!v.plannedAt) return form.setFields([{ name: 'plannedAt', errors: [S.plannedRequired] }]);
    const c = v.ownerConfirmation;
    const a = v.authorisation;
    const result = await submit({
      unitId: v.unitId,
      applicant: { type: v.applicant.type, personId: null, name: v.applicant.name ?? '', phone: v.applicant.phone ?? '', idTail: v.applicant.idTail ?? '' },
      type: v.type,
      items,
      plannedAt: pickedToIso(v.plannedAt),
      ...vehicleInput(v),
      ownerConfirmation:
        v.applicant.type === 'tenant' ? { method: c.method, at: c.at ? pickedToIso(c.at) : '', ownerName: c.ownerName ?? '', takenBy: c.takenBy ?? '' } : null,
      authorisation: v.applicant.type === 'agent' ? { ownerName: a.ownerName ?? '', signedOn: dayText(a.signedOn) ?? '', note: a.note ?? '' } : null,
      releaseCertificateNo: needsReleaseCertificate(v.applicant.type, v.type) ? (v.releaseCertificateNo ?? '') : '',
      notes: v.notes ?? '',
    });
    if (!result.ok) return;
    notify.success(S.created(result.value.no));
    props.onClose();
    go(passesHash.pass(result.value.id));
  };

  return (
    <FormModal<NewPassValues>
      title={props.unit ? S.newFromUnitTitle(props.unit.unit.code) : S.newTitle}
      formProps={formProps}
      submitting={submitting}
      okText={S.submitNew}
      onFinish={(v) => void onFinish(v)}
      onClose={props.onClose}
      initialValues={{
        unitId: props.unit?.unit.id ?? null,
        applicant: { type: 'owner', name: '', phone: '', idTail: '' },
        type: 'moving',
        items: [{ ...BLANK_ITEM }],
        plannedAt: officeNow(),
        ownerConfirmation: { method: 'phone', at: officeNow(), ownerName: '', takenBy: '' },
        authorisation: { ownerName: '', signedOn: officeToday(), note: '' },
        releaseCertificateNo: '',
        notes: '',
        plate: '',
        driverName: '',
        driverIdTail: '',
      }}
    >
      <div data-testid="new-pass">
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item label={S.unit} name="unitId" required>
              {props.unit ? <Input value={props.unit.unit.code} aria-label={S.unit} disabled /> : <UnitPicker aria-label={S.unit} autoFocus />}
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label={S.passType} name="type" required>
              <Radio.Group optionType="button" options={PASS_TYPES.map((t) => ({ value: t, label: PASS_TYPE_LABELS[t] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={S.applicantKind} name={['applicant', 'type']} required extra={<span data-testid="applicant-needs">{APPLICANT_NEEDS[applicantType]}</span>}>
          <Radio.Group options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={S.applicantName} name={['applicant', 'name']} required>
              <Input maxLength={40} autoFocus={!!props.unit} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={S.applicantPhone} name={['applicant', 'phone']}>
              <Input maxLength={PHONE_INPUT_MAX} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={S.applicantIdTail} name={['applicant', 'idTail']} extra={S.idTailHelp}>
              <Input maxLength={6} />
            </Form.Item>
          </Col>
        </Row>
        {applicantType === 'tenant' && (
          <Row gutter={12} data-testid="owner-confirmation">
            <Col span={6}>
              <Form.Item label={S.ownerConfirmHow} name={['ownerConfirmation', 'method']} required>
                <Radio.Group options={CONFIRMATION_METHODS.map((m) => ({ value: m, label: CONFIRMATION_METHOD_LABELS[m] }))} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={S.ownerConfirmAt} name={['ownerConfirmation', 'at']} required>
                <DatePicker {...DATE_TIME} disabledDate={afterToday} disabledTime={futureTimes} aria-label={S.ownerConfirmAt} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={S.ownerConfirmBy} name={['ownerConfirmation', 'ownerName']} required>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={S.ownerConfirmTakenBy} name={['ownerConfirmation', 'takenBy']} extra={S.ownerConfirmTakenByHelp}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {applicantType === 'agent' && (
          <Row gutter={12} data-testid="authorisation">
            <Col span={8}>
              <Form.Item label={S.authorisationOwner} name={['authorisation', 'ownerName']} required>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={S.authorisationSignedOn} name={['authorisation', 'signedOn']} required>
                <DatePicker style={{ width: '100%' }} disabledDate={afterToday} aria-label={S.authorisationSignedOn} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={S.authorisationNote} name={['authorisation', 'note']}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {needsReleaseCertificate(applicantType, passType) && (
          <Form.Item label={S.certificateNo} name="releaseCertificateNo" required extra={APPLICANT_NEEDS.company}>
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item label={S.items} required style={{ marginBottom: 8 }}>
          <ItemLines formName={formProps.name} />
        </Form.Item>
        <Form.Item label={S.plannedAt} name="plannedAt" required extra={S.plannedHelp}>
          <DatePicker {...DATE_TIME} aria-label={S.plannedAt} />
        </Form.Item>
        <VehicleFields />
        <Form.Item label={S.note} name="notes">
          <Input maxLength={300} />
        </Form.Item>
        {applicantType !== 'owner' && <Alert type="info" showIcon title={APPLICANT_NEEDS[applicantType]} style={{ marginBottom: 8 }} />}
        <Typography.Text type="secondary">{S.submitHint}</Typography.Text>
      </div>
    </FormModal>
  );
}
