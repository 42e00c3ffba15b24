import { Alert, Button, Form, Input, Space, Typography, theme } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useCommandForm } from '../components/forms';
import { useSession } from './SessionContext';
import { S } from './strings';

/**
 * Covers the app instead of replacing it, so a half-filled form is still there after unlocking.
 * The app underneath is made inert by the shell while this is shown.
 */
export function LockScreen(props: { onUnlocked(): void }) {
  const { operator, session, logout, signedOutByServer } = useSession();
  const { token } = theme.useToken();
  const [form] = Form.useForm<{ password: string }>();
  const { submit, submitting, formError, formProps } = useCommandForm(form, 'auth.unlock', { quiet: true });

  const onFinish = async (v: { password: string }) => {
    const result = await submit({ password: v.password ?? '' });
    if (!result.ok) return;
    // Too many wrong passwords: the server ended the session.
    if ('signedOut' in result.value) return signedOutByServer(result.value.signedOut);
    form.resetFields();
    props.onUnlocked();
  };

  return (
    <div
      data-testid="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-label={S.lockTitle}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 3000,
        display: 'grid',
        placeItems: 'center',
        background: token.colorBgLayout,
      }}
    >
      <div style={{ width: 380, maxWidth: '100%', padding: 24, background: token.colorBgContainer, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadow }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <LockOutlined /> {S.lockTitle}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{session.officeName}</Typography.Paragraph>
        <Typography.Paragraph>{S.lockedFor(operator.displayName)}</Typography.Paragraph>
        {formError && <Alert type={formError.kind === 'rate_limited' ? 'warning' : 'error'} showIcon title={formError.message} style={{ marginBottom: 16 }} />}
        <Form {...formProps} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
          <Form.Item label={S.password} name="password">
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {S.unlock}
            </Button>
            <Button type="link" title={S.switchAccountHelp} onClick={() => void logout()}>
              {S.switchAccount}
            </Button>
          </Space>
        </Form>
      </div>
    </div>
  );
}
