import { useRef, useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LinkView } from '../../shared/contract/estate';
import { GENDERS, GENDER_LABELS, ID_TYPES, ID_TYPE_LABELS, LINK_ROLES, LINK_ROLE_LABELS, type Gender, type IdType, type LinkRole } from '../../shared/estate';
import { PHONE_INPUT_MAX } from '../../shared/phone';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { PersonPicker } from '../components/pickers/PersonPicker';
import { dayText, officeToday } from '../dates';
import { S } from './strings';

/** Form values of a person: nested under `person` so the server's `person.idNumber` errors land on the field. */
interface PersonValues {
  person: {
    name: string;
    gender: Gender | null;
    mobile: string;
    otherPhone: string;
    idType: IdType;
    idNumber: string;
    notes: string;
  };
  role: LinkRole;
  startDate: Dayjs | null;
}

const blankToNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function personInput(v: PersonValues['person'], keepId: boolean) {
  return {
    name: v.name ?? '',
    gender: v.gender ?? null,
    mobile: blankToNull(v.mobile),
    otherPhone: blankToNull(v.otherPhone),
    idType: v.idType ?? 'resident_id',
    // Left empty while editing: the server keeps the number on file (the form only knows it masked).
    idNumber: blankToNull(v.idNumber) ?? (keepId ? undefined : null),
    notes: v.notes ?? '',
  };
}

/**
 * The shared form helper clears a server message when its field changes, but reads only the
 * top-level key of a change ("person"); this clears the nested field that actually changed.
 */
function clearNestedOnChange<F extends { form: FormInstance; onValuesChange(changed: Record<string, unknown>): void }>(formProps: F): F {
  const leaves = (value: unknown, path: (string | number)[]): (string | number)[][] =>
    value && typeof value === 'object' && !Array.isArray(value) && !dayjs.isDayjs(value)
      ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]))
      : [path];
  return {
    ...formProps,
    onValuesChange: (changed: Record<string, unknown>) =>
      formProps.form.setFields(leaves(changed, []).map((name) => ({ name, errors: [] }))),
  };
}

const ROLE_OPTIONS = LINK_ROLES.map((r) => ({ value: r, label: LINK_ROLE_LABELS[r] }));

/** 身份 and 起始日期 of a person's link to the unit, shared by both ways of linking. */
function LinkFields() {
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item label={S.linkRole} name="role" required>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label={S.linkStart} name="startDate">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * New person linked to the unit (estate.savePerson, then estate.link), or an existing person's
 * details. If the link fails after the person was saved, a second OK updates that same person
 * instead of creating a twin.
 */
export function PersonFormModal(props: { unitId: number; link: LinkView | null; onClose(): void; onSaved(): void }) {
  const { link } = props;
  const editing = link !== null;
  const [form] = Form.useForm<PersonValues>();
  const notify = useNotify();
  const save = useCommandForm(form, 'estate.savePerson');
  const linkForm = useCommandForm(form, 'estate.link');
  const savedId = useRef<number | undefined>(link?.person.id);
  const hadId = !!link?.person.idNumberMasked;

  const onFinish = async (v: PersonValues) => {
    const saved = await save.submit({ id: savedId.current, person: personInput(v.person, hadId) });
    if (!saved.ok) return;
    savedId.current = saved.value.id;
    if (!editing) {
      const linked = await linkForm.submit({ unitId: props.unitId, personId: saved.value.id, role: v.role, startDate: dayText(v.startDate) });
      if (!linked.ok) return;
    }
    notify.success(editing ? S.personUpdated(saved.value.name) : S.personCreated(saved.value.name));
    props.onSaved();
  };

  const p = link?.person;
  return (
    <FormModal
      title={editing ? S.personEditTitle(p!.name) : S.personCreateTitle}
      formProps={clearNestedOnChange(save.formProps)}
      submitting={save.submitting || linkForm.submitting}
      okText={editing ? S.save : undefined}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{
        person: {
          name: p?.name ?? '',
          gender: p?.gender ?? null,
          mobile: p?.mobile ?? '',
          otherPhone: p?.otherPhone ?? '',
          idType: p?.idType ?? 'resident_id',
          idNumber: '',
          notes: p?.notes ?? '',
        },
        role: 'owner',
        startDate: officeToday(),
      }}
    >
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item label={S.personName} name={['person', 'name']} required>
            <Input autoFocus maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={S.personGender} name={['person', 'gender']}>
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={S.personMobile} name={['person', 'mobile']}>
            <Input maxLength={PHONE_INPUT_MAX} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={S.personOtherPhone} name={['person', 'otherPhone']} tooltip={S.personOtherPhoneHelp}>
            <Input maxLength={PHONE_INPUT_MAX} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label={S.personIdType} name={['person', 'idType']}>
            <Select options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            label={S.personIdNumber}
            name={['person', 'idNumber']}
            extra={hadId ? S.personIdReenter(p!.idNumberMasked) : undefined}
          >
            <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      </Row>
      {!editing && (
        <LinkFields />
      )}
      <Form.Item label={S.personNotes} name={['person', 'notes']}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}

interface LinkValues {
  personId: number;
  role: LinkRole;
  startDate: Dayjs | null;
}

/** Link a person already on file (found through the counter search's 住户 hits). */
export function LinkExistingModal(props: { unitId: number; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<LinkValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.link');
  const [names, setNames] = useState<Record<number, string>>({});

  const onFinish = async (v: LinkValues) => {
    const result = await submit({ unitId: props.unitId, personId: v.personId, role: v.role, startDate: dayText(v.startDate) });
    if (result.ok) {
      notify.success(S.linked(names[v.personId] ?? ''));
      props.onSaved();
    }
  };

  return (
    <FormModal
      title={S.linkTitle}
      formProps={formProps}
      submitting={submitting}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{ role: 'family', startDate: officeToday() }}
    >
      <Form.Item label={S.linkPerson} name="personId" required rules={[{ required: true, message: S.linkPersonRequired }]}>
        <PersonPicker autoFocus onPick={(p) => setNames((n) => ({ ...n, [p.id]: p.name }))} />
      </Form.Item>
      <LinkFields />
    </FormModal>
  );
}

interface EndValues {
  endDate: Dayjs | null;
  reason: string;
}

/** 结束关系: moved out, sold, lease over. The link stays on the card, greyed, with its end date. */
export function EndLinkModal(props: { link: LinkView; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<EndValues>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.endLink');
  const onFinish = async (v: EndValues) => {
    const result = await submit({ linkId: props.link.linkId, endDate: dayText(v.endDate) ?? '', reason: v.reason ?? '' });
    if (result.ok) {
      notify.success(S.endDone);
      props.onSaved();
    }
  };
  return (
    <FormModal
      title={S.endTitle(props.link.person.name)}
      formProps={formProps}
      submitting={submitting}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{ endDate: officeToday(), reason: '' }}
    >
      <Form.Item label={S.endDate} name="endDate" required>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={S.endReason} name="reason" required>
        <Input autoFocus maxLength={200} placeholder={S.endReasonPh} />
      </Form.Item>
    </FormModal>
  );
}

/** Supervisor or admin reads a full ID number, with a reason; the server records who, when and why. */
export function RevealIdModal(props: { link: LinkView; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.revealId');
  const [idNumber, setIdNumber] = useState<string | null>(null);
  const name = props.link.person.name;

  if (idNumber !== null) {
    return (
      <Modal open title={S.revealResultTitle} onCancel={props.onClose} onOk={props.onClose} okText={S.close} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{name}</Typography.Paragraph>
        <Typography.Paragraph style={{ fontSize: 22, fontFamily: 'monospace', letterSpacing: 1 }} aria-label={S.revealResultTitle}>
          {idNumber}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={S.revealAudited} />
      </Modal>
    );
  }
  const onFinish = async (v: { reason: string }) => {
    const result = await submit({ personId: props.link.person.id, reason: v.reason ?? '' });
    if (result.ok) setIdNumber(result.value.idNumber);
  };
  return (
    <FormModal title={S.revealTitle(name)} formProps={formProps} submitting={submitting} okText={S.revealOk} onFinish={onFinish} onClose={props.onClose}>
      <Typography.Paragraph type="secondary">{props.link.person.idNumberMasked}</Typography.Paragraph>
      <Form.Item label={S.revealReason} name="reason" required>
        <Input autoFocus maxLength={100} placeholder={S.revealReasonPh} />
      </Form.Item>
    </FormModal>
  );
}
