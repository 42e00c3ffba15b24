import { Form } from 'antd';
import type { ReceptionLimits } from '../../shared/reception';
import { DeskSettingsForm } from '../components/DeskSettingsForm';
import { DurationInput } from '../components/DurationInput';
import { S } from './strings';

const FIELDS: { key: keyof ReceptionLimits; label: string; help: string; maxHours: number }[] = [
  { key: 'handlerMinutes', label: S.limitsHandler, help: S.limitsHandlerHelp, maxHours: 720 },
  { key: 'escalateMinutes', label: S.limitsEscalate, help: S.limitsEscalateHelp, maxHours: 72 },
  { key: 'escalatedAnswerMinutes', label: S.limitsEscalatedAnswer, help: S.limitsEscalatedAnswerHelp, maxHours: 720 },
  { key: 'ownerOrdinaryMinutes', label: S.limitsOwnerOrdinary, help: S.limitsOwnerOrdinaryHelp, maxHours: 720 },
  { key: 'ownerMajorMinutes', label: S.limitsOwnerMajor, help: S.limitsOwnerMajorHelp, maxHours: 720 },
  { key: 'dueSoonMinutes', label: S.limitsDueSoon, help: S.limitsDueSoonHelp, maxHours: 72 },
];

/** 设置 → 接待时限: the limits behind every deadline, in hours and minutes. Admins edit; the reception roles may read. */
export function ReceptionLimitsTab() {
  return (
    <DeskSettingsForm
      section="receptionLimits"
      command="reception.updateSettings"
      text={{ intro: S.limitsIntro, readOnly: S.limitsReadOnly, save: S.limitsSave, saved: S.limitsSaved }}
    >
      {FIELDS.map((f) => (
        // The server's field errors (`handlerMinutes`) land on the field of that name.
        <Form.Item key={f.key} label={f.label} name={f.key} required extra={f.help}>
          <DurationInput label={f.label} maxHours={f.maxHours} />
        </Form.Item>
      ))}
    </DeskSettingsForm>
  );
}
