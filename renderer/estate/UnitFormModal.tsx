import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { EstateView, UnitCard } from '../../shared/contract/estate';
import { formatAreaDm2, parseAreaDm2, readBuildingCode, UNIT_STATES, UNIT_STATE_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS, type UnitState, type UnitType } from '../../shared/estate';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { S } from './strings';

interface Values {
  buildingId: number;
  entrance: string;
  room: string;
  floor: number | null;
  /** Typed text ("89.5"); becomes integer 0.01 m² only through parseAreaDm2. */
  areaDm2: string;
  type: UnitType;
  state: UnitState;
  notes: string;
  stateReason: string;
}

type EditedUnit = UnitCard['unit'];

/** New unit, or an existing one's details; a changed state asks for the reason it is recorded with. */
export function UnitFormModal(props: { estates: EstateView[]; unit: EditedUnit | null; buildingId?: number; onClose(): void; onSaved(id: number): void }) {
  return props.unit ? <EditUnit {...props} unit={props.unit} /> : <CreateUnit {...props} />;
}

function buildingOptions(estates: EstateView[]) {
  const many = estates.length > 1;
  return estates.flatMap((e) =>
    e.buildings.map((b) => ({ value: b.id, code: b.code, label: many ? `${e.name} ${b.name || b.code}` : b.name || b.code })),
  );
}

/** Typing "1号楼", "一号楼" or "1" finds building 1 whatever its name; other text matches the name. */
function buildingMatches(typed: string, option: { code: string; label: string } | undefined): boolean {
  if (!option) return false;
  return readBuildingCode(typed)?.building === option.code || option.label.includes(typed.trim());
}

/** Area text → the command's integer, or an error already put on the field. */
function readArea(form: ReturnType<typeof Form.useForm<Values>>[0], text: string | undefined): number | null | 'invalid' {
  const area = parseAreaDm2(text ?? '');
  if (area === 'invalid') form.setFields([{ name: 'areaDm2', errors: [S.unitAreaInvalid] }]);
  return area;
}

/** The unit columns both dialogs send; area already read from text into 0.01 m². */
function unitInput(v: Values, areaDm2: number | null) {
  return {
    buildingId: v.buildingId,
    entrance: v.entrance ?? '',
    room: v.room ?? '',
    floor: v.floor ?? null,
    areaDm2,
    type: v.type,
    state: v.state,
    notes: v.notes ?? '',
  };
}

function CreateUnit(props: { estates: EstateView[]; buildingId?: number; onClose(): void; onSaved(id: number): void }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.createUnit');
  const onFinish = async (v: Values) => {
    const areaDm2 = readArea(form, v.areaDm2);
    if (areaDm2 === 'invalid') return;
    const result = await submit(unitInput(v, areaDm2));
    if (result.ok) {
      notify.success(S.unitCreated(result.value.code));
      props.onSaved(result.value.id);
    }
  };
  const firstBuilding = props.buildingId ?? props.estates.flatMap((e) => e.buildings)[0]?.id;
  return (
    <FormModal
      title={S.unitCreateTitle}
      formProps={formProps}
      submitting={submitting}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{ buildingId: firstBuilding, type: 'residential', state: 'unsold', entrance: '', notes: '' }}
    >
      <UnitFields estates={props.estates} />
    </FormModal>
  );
}

function EditUnit(props: { estates: EstateView[]; unit: EditedUnit; onClose(): void; onSaved(id: number): void }) {
  const { unit } = props;
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'estate.updateUnit');
  const state = Form.useWatch('state', form) ?? unit.state;
  const stateChanged = state !== unit.state;
  const onFinish = async (v: Values) => {
    const areaDm2 = readArea(form, v.areaDm2);
    if (areaDm2 === 'invalid') return;
    const result = await submit({
      id: unit.id,
      ...unitInput(v, areaDm2),
      stateReason: stateChanged ? (v.stateReason ?? '') : '',
    });
    if (result.ok) {
      notify.success(S.unitUpdated(result.value.code));
      props.onSaved(result.value.id);
    }
  };
  return (
    <FormModal
      title={S.unitEditTitle(unit.code)}
      formProps={formProps}
      submitting={submitting}
      okText={S.save}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{
        buildingId: unit.buildingId,
        entrance: unit.entrance,
        room: unit.room,
        floor: unit.floor,
        areaDm2: formatAreaDm2(unit.areaDm2),
        type: unit.type,
        state: unit.state,
        notes: unit.notes,
        stateReason: '',
      }}
    >
      <UnitFields estates={props.estates} />
      {stateChanged && (
        <Form.Item
          label={S.stateReason}
          name="stateReason"
          required
          rules={[{ required: true, whitespace: true, message: S.stateReasonRequired }]}
          extra={S.stateReasonHelp(UNIT_STATE_LABELS[unit.state], UNIT_STATE_LABELS[state])}
        >
          <Input maxLength={200} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function UnitFields(props: { estates: EstateView[] }) {
  return (
    <>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label={S.unitBuilding} name="buildingId" required>
            <Select options={buildingOptions(props.estates)} showSearch={{ filterOption: buildingMatches }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={S.unitEntrance} name="entrance" tooltip={S.unitEntranceHelp}>
            <Input maxLength={12} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={S.unitRoom} name="room" required tooltip={S.unitRoomHelp}>
            <Input autoFocus maxLength={8} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={S.unitFloor} name="floor">
            <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={S.unitArea} name="areaDm2">
            <Input placeholder={S.unitAreaPh} inputMode="decimal" suffix="㎡" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={S.unitType} name="type" required>
            <Select options={UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={S.unitState} name="state" required>
            <Select options={UNIT_STATES.map((t) => ({ value: t, label: UNIT_STATE_LABELS[t] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={S.unitNotes} name="notes">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
