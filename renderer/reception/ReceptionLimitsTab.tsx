import { useEffect, useState } from 'react';
import { Alert, Button, Form, InputNumber, Spin } from 'antd';
import type { ReceptionLimits } from '../../shared/reception';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { useSession } from '../session/SessionContext';
import { S } from './strings';

const FIELDS: { key: keyof ReceptionLimits; label: string; help: string; max: number }[] = [
  { key: 'handlerHours', label: S.limitsHandler, help: S.limitsHandlerHelp, max: 720 },
  { key: 'escalateHours', label: S.limitsEscalate, help: S.limitsEscalateHelp, max: 72 },
  { key: 'escalatedAnswerHours', label: S.limitsEscalatedAnswer, help: S.limitsEscalatedAnswerHelp, max: 720 },
  { key: 'ownerOrdinaryHours', label: S.limitsOwnerOrdinary, help: S.limitsOwnerOrdinaryHelp, max: 720 },
  { key: 'ownerMajorHours', label: S.limitsOwnerMajor, help: S.limitsOwnerMajorHelp, max: 720 },
  { key: 'dueSoonHours', label: S.limitsDueSoon, help: S.limitsDueSoonHelp, max: 72 },
];

/** 设置 → 接待时限: the hours behind every deadline. Admins edit; the reception roles may read. */
export function ReceptionLimitsTab() {
  const [form] = Form.useForm<{ receptionLimits: ReceptionLimits }>();
  const notify = useNotify();
  const { operator } = useSession();
  const admin = operator.roles.includes('admin');
  const [loaded, setLoaded] = useState(false);
  const { submit, submitting, formProps } = useCommandForm(form, 'settings.update');

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) {
        form.setFieldsValue({ receptionLimits: result.value.receptionLimits });
        setLoaded(true);
      } else notify.error(result.error);
    });
  }, [form, notify]);

  const onFinish = async (v: { receptionLimits: ReceptionLimits }) => {
    const result = await submit({ receptionLimits: v.receptionLimits });
    if (result.ok) notify.success(S.limitsSaved);
  };

  return (
    <Spin spinning={!loaded}>
      <Alert type="info" showIcon title={S.limitsIntro} style={{ marginBottom: 16, maxWidth: 640 }} />
      {!admin && <Alert type="warning" showIcon title={S.limitsReadOnly} style={{ marginBottom: 16, maxWidth: 640 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} disabled={!admin} style={{ maxWidth: 480 }} autoComplete="off">
        {FIELDS.map((f) => (
          // Dot paths: the server's field errors (`receptionLimits.handlerHours`) land here.
          <Form.Item key={f.key} label={f.label} name={['receptionLimits', f.key]} required extra={f.help}>
            <InputNumber min={1} max={f.max} precision={0} suffix={S.hoursUnit} style={{ width: 180 }} />
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
