import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Form, Spin } from 'antd';
import type { RepairLimits } from '../../shared/repairs';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { DurationInput } from '../components/DurationInput';
import { useNotify } from '../components/notify';
import { useSession } from '../session/SessionContext';
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

/** 设置 → 维修时限: the procedure's time rules in hours and minutes, and how the 维修单 prints the phone. Admins edit; the desk's roles may read. */
export function RepairLimitsTab() {
  const [form] = Form.useForm<RepairLimits>();
  const notify = useNotify();
  const { operator } = useSession();
  const admin = operator.roles.includes('admin');
  const [loaded, setLoaded] = useState(false);
  const { submit, submitting, formProps } = useCommandForm(form, 'repairs.updateSettings');

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) {
        form.setFieldsValue(result.value.repairLimits);
        setLoaded(true);
      } else notify.error(result.error);
    });
  }, [form, notify]);

  const onFinish = async (v: RepairLimits) => {
    const result = await submit(v);
    if (result.ok) notify.success(S.limitsSaved);
  };

  return (
    <Spin spinning={!loaded}>
      <Alert type="info" showIcon title={S.limitsIntro} style={{ marginBottom: 16, maxWidth: 640 }} />
      {!admin && <Alert type="warning" showIcon title={S.limitsReadOnly} style={{ marginBottom: 16, maxWidth: 640 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} disabled={!admin} style={{ maxWidth: 480 }} autoComplete="off">
        {FIELDS.map((f) => (
          <Form.Item key={f.key} label={f.label} name={f.key} required extra={f.help}>
            <DurationInput label={f.label} maxHours={f.maxHours} />
          </Form.Item>
        ))}
        <Form.Item name="maskPhoneOnSlip" valuePropName="checked">
          <Checkbox>{S.limitsMaskPhone}</Checkbox>
        </Form.Item>
        {admin && (
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!loaded}>
            {S.limitsSave}
          </Button>
        )}
      </Form>
    </Spin>
  );
}
