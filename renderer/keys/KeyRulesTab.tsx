import { Checkbox, Form, Input, InputNumber } from 'antd';
import { DeskSettingsForm } from '../components/DeskSettingsForm';
import { DurationInput } from '../components/DurationInput';
import { S } from './strings';

const SWITCHES = [
  { name: 'sameDayReturn', label: S.rulesSameDay },
  { name: 'salesNeedApproval', label: S.rulesSales },
  { name: 'depositedNeedApproval', label: S.rulesDeposited },
  { name: 'nonOwnerChecks', label: S.rulesNonOwner },
] as const;

/** 设置 → 钥匙规则: the loan rules, each one a switch, the closing time, the per-borrower limit and the desk's times. */
export function KeyRulesTab() {
  return (
    <DeskSettingsForm section="keyRules" command="keys.updateSettings" text={{ intro: S.rulesIntro, readOnly: S.rulesReadOnly, save: S.rulesSave, saved: S.rulesSaved }}>
      <Form.Item name="closingTime" label={S.rulesClosing} extra={S.rulesClosingHelp}>
        <Input maxLength={5} style={{ width: 100 }} />
      </Form.Item>
      {SWITCHES.map((s) => (
        <Form.Item key={s.name} name={s.name} valuePropName="checked">
          <Checkbox>{s.label}</Checkbox>
        </Form.Item>
      ))}
      <Form.Item name="maxKeysPerBorrower" label={S.rulesMax}>
        <InputNumber min={0} max={50} precision={0} />
      </Form.Item>
      <Form.Item name="dueSoonMinutes" label={S.rulesDueSoon} extra={S.rulesDueSoonHelp}>
        <DurationInput label={S.rulesDueSoon} maxHours={24} />
      </Form.Item>
      <Form.Item name="defaultLoanMinutes" label={S.rulesDefaultLoan} extra={S.rulesDefaultLoanHelp}>
        <DurationInput label={S.rulesDefaultLoan} maxHours={168} />
      </Form.Item>
    </DeskSettingsForm>
  );
}
