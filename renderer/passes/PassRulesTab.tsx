import { Form, InputNumber } from 'antd';
import { VALIDITY_DAYS_MAX } from '../../shared/passes';
import { DeskSettingsForm } from '../components/DeskSettingsForm';
import { S } from './strings';

/** 设置 → 放行规则: how many office days after the planned day a pass stays good (0 = that day only). */
export function PassRulesTab() {
  return (
    <DeskSettingsForm section="passRules" command="passes.updateSettings" text={{ intro: S.rulesIntro, readOnly: S.rulesReadOnly, save: S.rulesSave, saved: S.rulesSaved }}>
      <Form.Item label={S.rulesValidity} name="validityDays" required extra={S.rulesValidityHelp}>
        <InputNumber aria-label={S.rulesValidity} min={0} max={VALIDITY_DAYS_MAX} precision={0} addonAfter={S.rulesDays} />
      </Form.Item>
    </DeskSettingsForm>
  );
}
