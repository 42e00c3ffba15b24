import { Button, Form, Input } from 'antd';
import { sameAs, useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { S } from './strings';
import { useSession } from '../session/SessionContext';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordTab() {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { signedOutByServer } = useSession();
  const { submit, submitting, formProps } = useCommandForm(form, 'auth.changePassword');

  const onFinish = async (v: Values) => {
    const result = await submit({ currentPassword: v.currentPassword ?? '', newPassword: v.newPassword ?? '' });
    if (!result.ok) return;
    // Too many wrong current passwords: the server ended the session.
    if (result.value?.signedOut) return signedOutByServer(result.value.signedOut);
    notify.success(S.passwordChanged);
    form.resetFields();
  };

  return (
    <Form {...formProps} layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }} autoComplete="off">
      <Form.Item label={S.currentPassword} name="currentPassword" required>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label={S.newPassword} name="newPassword" required extra={S.passwordHelp}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={S.confirmNewPassword} name="confirmPassword" dependencies={['newPassword']} rules={sameAs('newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {S.changePassword}
      </Button>
    </Form>
  );
}
