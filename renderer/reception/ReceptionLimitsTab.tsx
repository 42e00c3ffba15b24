import { useEffect, useState } from 'react';
import { Alert, Button, Form, Spin } from 'antd';
import type { ReceptionLimits } from '../../shared/reception';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { DurationInput } from '../components/DurationInput';
import { useNotify } from '../components/notify';
import { useSession } from '../session/SessionContext';
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
  const [form] = Form.useForm<ReceptionLimits>();
  const notify = useNotify();
  const { operator } = useSession();
  const admin = operator.roles.includes('admin');
  const [loaded, setLoaded] = useState(false);
  const { submit, submitting, formProps } = useCommandForm(form, 'reception.updateSettings');

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) {
        form.setFieldsValue(result.value.receptionLimits);
        setLoaded(true);
      } else notify.error(result.error);
    });
  }, [form, notify]);

  const onFinish = async (v: ReceptionLimits) => {
    const result = await submit(v);
    if (result.ok) notify.success(S.limitsSaved);
  };

  return (
    <Spin spinning={!loaded}>
      <Alert type="info" showIcon title={S.limitsIntro} style={{ marginBottom: 16, maxWidth: 640 }} />
      {!admin && <Alert type="warning" showIcon title={S.limitsReadOnly} style={{ marginBottom: 16, maxWidth: 640 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} disabled={!admin} style={{ maxWidth: 480 }} autoComplete="off">
        {FIELDS.map((f) => (
          // The server's field errors (`handlerMinutes`) land on the field of that name.
          <Form.Item key={f.key} label={f.label} name={f.key} required extra={f.help}>
            <DurationInput label={f.label} maxHours={f.maxHours} />
          </Form.Item>
        ))}
        {admin && (
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!loaded}>
            {S.limitsSave}
          </Button>
        )}
      </Form>
    </Spin>
  );
}
