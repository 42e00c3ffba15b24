import { useEffect, useState } from 'react';
import { Button, Form, Input, InputNumber, Spin } from 'antd';
import type { Settings } from '../../shared/contract/settings';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { useSession } from '../session/SessionContext';
import { S } from './strings';

export function SystemSettingsTab() {
  const [form] = Form.useForm<Settings>();
  const notify = useNotify();
  const { refresh } = useSession();
  const [loaded, setLoaded] = useState(false);
  const { submit, submitting, formProps } = useCommandForm(form, 'settings.update');

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) {
        form.setFieldsValue(result.value);
        setLoaded(true);
      } else notify.error(result.error);
    });
  }, [form, notify]);

  const onFinish = async (v: Settings) => {
    const result = await submit({ officeName: v.officeName ?? '', lockMinutes: v.lockMinutes });
    if (result.ok) {
      notify.success(S.settingsSaved);
      // The office name and lock minutes also live in the session view the shell shows.
      await refresh();
    }
  };

  return (
    <Spin spinning={!loaded}>
      <Form {...formProps} layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }} autoComplete="off">
        <Form.Item label={S.officeName} name="officeName" required extra={S.officeNameHelp}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={S.lockMinutes} name="lockMinutes" required extra={S.lockMinutesHelp}>
          <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} disabled={!loaded}>
          {S.save}
        </Button>
      </Form>
    </Spin>
  );
}
