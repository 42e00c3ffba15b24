import { InputNumber, Space } from 'antd';
import { S } from './strings';


/**
 * A time limit typed as hours and minutes, held as whole minutes (the platform's deadlines run
 * to the minute: a repair's 15-minute arrival, reception's 24 hours). A form control: antd's
 * Form.Item gives `value` and `onChange`. `label` names the two boxes for screen readers and tests.
 */
export function DurationInput(props: { value?: number; onChange?(minutes: number | null): void; label: string; maxHours: number; disabled?: boolean }) {
  const total = props.value ?? null;
  const hours = total === null ? null : Math.floor(total / 60);
  const minutes = total === null ? null : total % 60;
  const change = (h: number | null, m: number | null) => props.onChange?.(h === null && m === null ? null : (h ?? 0) * 60 + (m ?? 0));
  return (
    <Space.Compact>
      <InputNumber
        aria-label={S.durationHoursLabel(props.label)}
        min={0}
        max={props.maxHours}
        precision={0}
        value={hours}
        disabled={props.disabled}
        suffix={S.durationHours}
        style={{ width: 120 }}
        onChange={(h) => change(h, minutes)}
      />
      <InputNumber
        aria-label={S.durationMinutesLabel(props.label)}
        min={0}
        max={59}
        precision={0}
        value={minutes}
        disabled={props.disabled}
        suffix={S.durationMinutes}
        style={{ width: 110 }}
        onChange={(m) => change(hours, m)}
      />
    </Space.Compact>
  );
}
