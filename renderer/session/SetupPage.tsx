import { Alert, App, Button, Checkbox, Form, Input } from 'antd';
import { call } from '../api/client';
import { sameAs, useCommandForm } from '../components/forms';
import { S } from './strings';
import { AuthCard } from './AuthCard';

interface SetupValues {
  displayName: string;
  login: string;
  password: string;
  confirmPassword: string;
  setupCode?: string;
  withDemo?: boolean;
}

/** First run: the very first operator is an administrator, and creating it signs in. */
export function SetupPage(props: { setupCodeRequired: boolean; onSignedIn(): void }) {
  const [form] = Form.useForm<SetupValues>();
  const { submit, submitting, formError, formProps } = useCommandForm(form, 'auth.setup', { quiet: true });
  const { message } = App.useApp();

  const onFinish = async (v: SetupValues) => {
    const result = await submit({
      displayName: v.displayName ?? '',
      login: v.login ?? '',
      password: v.password ?? '',
      ...(props.setupCodeRequired ? { setupCode: v.setupCode ?? '' } : {}),
    });
    if (!result.ok) return;
    if (v.withDemo) {
      // A new user can try every desk at once on a believable estate; real data can be imported later.
      const demo = await call('estate.generateDemo', {});
      if (demo.ok) message.success(S.demoDone(demo.value.units, demo.value.people));
      else message.error(demo.error.message);
    }
    props.onSignedIn();
  };

  return (
    <AuthCard testId="setup-page" title={S.setupTitle} subtitle={S.setupIntro}>
      {formError && <Alert type="error" showIcon title={formError.message} style={{ marginBottom: 16 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item label={S.displayName} name="displayName" required extra={S.displayNameHelp}>
          <Input autoFocus maxLength={32} />
        </Form.Item>
        <Form.Item label={S.loginName} name="login" required extra={S.loginNameHelp}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <Form.Item label={S.password} name="password" required extra={S.passwordHelp}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={S.confirmPassword} name="confirmPassword" dependencies={['password']} rules={sameAs('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {props.setupCodeRequired && (
          <Form.Item label={S.setupCode} name="setupCode" required extra={S.setupCodeHelp}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="withDemo" valuePropName="checked" extra={S.withDemoHelp}>
          <Checkbox>{S.withDemo}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {S.createAdmin}
        </Button>
      </Form>
    </AuthCard>
  );
}
