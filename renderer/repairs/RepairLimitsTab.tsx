import { Checkbox, Form } from 'antd';
import type { RepairLimits } from '../../shared/repairs';
import { DeskSettingsForm } from '../components/DeskSettingsForm';
import { DurationInput } from '../components/DurationInput';
import { S } from './strings';

type MinuteField = Exclude<keyof RepairLimits, 'maskPhoneOnSlip'>;

const FIELDS: { key: MinuteField; label: string; help: string; maxHours: number }[] = [
  { key: 'arriveMinutes', label: S.limitsArrive, help: S.limitsArriveHelp, maxHours: 24 },
  { key: 'backMinutes', label: S.limitsBack, help: S.limitsBackHelp, maxHours: 24 },
  { key: 'inspectionMinutes', label: S.limitsInspection, help: S.limitsInspectionHelp, maxHours: 720 },
  { key: 'callbackMinutes', label: S.limitsCallback, help: S.limitsCallbackHelp, maxHours: 720 },
  { key: 'dueSoonMinutes', label: S.limitsDueSoon, help: S.limitsDueSoonHelp, maxHours: 24 },
  { key: 'appointmentPastMinutes', label: S.limitsAppointmentPast, help: S.limitsAppointmentPastHelp, maxHours: 168 },
];

/** 设置 → 维修时限: the procedure's time rules in hours and minutes, and how the 维修单 prints the phone. */
export function RepairLimitsTab() {
  return (
    <DeskSettingsForm
      section="repairLimits"
      command="repairs.updateSettings"
      text={{ intro: S.limitsIntro, readOnly: S.limitsReadOnly, save: S.limitsSave, saved: S.limitsSaved }}
    >
      {FIELDS.map((f) => (
        <Form.Item key={f.key} label={f.label} name={f.key} required extra={f.help}>
          <DurationInput label={f.label} maxHours={f.maxHours} />
        </Form.Item>
      ))}
      <Form.Item name="maskPhoneOnSlip" valuePropName="checked">
        <Checkbox>{S.limitsMaskPhone}</Checkbox>
      </Form.Item>
    </DeskSettingsForm>
  );
}
