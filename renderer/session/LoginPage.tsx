import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useCommandForm } from '../components/forms';
import { S } from './strings';
import { AuthCard } from './AuthCard';
import { forgetSignOutNotice, signOutNotice } from './signOutNotice';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage(props: { officeName: string; onSignedIn(): void }) {
  const [form] = Form.useForm<LoginValues>();
  const { submit, submitting, formError, formProps } = useCommandForm(form, 'auth.login', { quiet: true });
  const [notice] = useState(signOutNotice);
  useEffect(forgetSignOutNotice, []);

  const onFinish = async (values: LoginValues) => {
    const result = await submit({ login: values.login ?? '', password: values.password ?? '' });
    if (result.ok) props.onSignedIn();
  };

  return (
    <AuthCard testId="login-page" title={S.loginTitle} subtitle={props.officeName}>
      {notice && !formError && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {formError && <Alert type={formError.kind === 'rate_limited' ? 'warning' : 'error'} showIcon title={formError.message} style={{ marginBottom: 16 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
        <Form.Item label={S.account} name="login">
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label={S.password} name="password">
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {S.login}
        </Button>
      </Form>
    </AuthCard>
  );
}
