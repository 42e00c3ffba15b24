import { Checkbox, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { DeskSettingsForm } from '../../components/DeskSettingsForm';
import { hundredths, hundredthsOf } from './parts';
import { S } from './strings';

/** A threshold held in hundredths (0.01 t, 0.01 kWh) typed as the meter reads: "1" → 100, "0.5" → 50. */
function HundredthsInput(props: { id?: string; value?: number | string; onChange?(value: number | string): void; 'aria-label'?: string }) {
  const text = (v: number | string | undefined) => (typeof v === 'number' ? hundredths(v) : (v ?? ''));
  const [shown, setShown] = useState(() => ({ value: props.value, text: text(props.value) }));
  if (props.value !== shown.value) setShown({ value: props.value, text: text(props.value) });
  return (
    <Input
      id={props.id}
      aria-label={props['aria-label']}
      inputMode="decimal"
      autoComplete="off"
      style={{ width: 160 }}
      value={shown.text}
      onChange={(e) => {
        // Text that does not read stays text: the command's schema then says what is wrong.
        const value = hundredthsOf(e.target.value) ?? e.target.value;
        setShown({ value, text: e.target.value });
        props.onChange?.(value);
      }}
    />
  );
}

const whole = (label: string, min: number, max: number) => <InputNumber<number> aria-label={label} min={min} max={max} precision={0} style={{ width: 160 }} />;

/** 设置 → 收费规则: the late fee (off by default), the vacancy rate and thresholds, the meter jump check, the due day. */
export function FeeRulesTab() {
  return (
    <DeskSettingsForm section="feeRules" command="fees.updateFeeRules" text={{ intro: S.rulesIntro, readOnly: S.rulesReadOnly, save: S.rulesSave, saved: S.rulesSaved }}>
      <Form.Item name={['lateFee', 'enabled']} valuePropName="checked">
        <Checkbox>{S.lateFeeEnabled}</Checkbox>
      </Form.Item>
      <Form.Item label={S.lateFeeRate} name={['lateFee', 'ratePer10k']} required extra={S.lateFeeRateHelp}>
        {whole(S.lateFeeRate, 0, 100)}
      </Form.Item>
      <Form.Item label={S.graceDays} name={['lateFee', 'graceDays']} required extra={S.graceDaysHelp}>
        {whole(S.graceDays, 0, 365)}
      </Form.Item>
      <Form.Item label={S.capPercent} name={['lateFee', 'capPercent']} required>
        {whole(S.capPercent, 0, 100)}
      </Form.Item>
      <Form.Item label={S.vacancyPercent} name={['vacancy', 'percent']} required>
        {whole(S.vacancyPercent, 0, 100)}
      </Form.Item>
      <Form.Item label={S.waterAbove} name={['vacancy', 'waterAbove']} required>
        <HundredthsInput aria-label={S.waterAbove} />
      </Form.Item>
      <Form.Item label={S.electricityAbove} name={['vacancy', 'electricityAbove']} required>
        <HundredthsInput aria-label={S.electricityAbove} />
      </Form.Item>
      <Form.Item label={S.meterJump} name="meterJumpFactor" required>
        {whole(S.meterJump, 2, 100)}
      </Form.Item>
      <Form.Item label={S.dueDay} name="dueDay" required>
        {whole(S.dueDay, 1, 28)}
      </Form.Item>
      <Form.Item label={S.receiptStart} name="receiptStart" required>
        {whole(S.receiptStart, 1, 99_999_999)}
      </Form.Item>
    </DeskSettingsForm>
  );
}
