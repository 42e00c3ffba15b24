import { Form, Input, Typography } from 'antd';
import type { OperatorView } from '../../shared/contract/operators';
import { FormModal } from '../components/FormModal';
import { sameAs, useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { S } from './strings';

interface DialogProps {
  operator: OperatorView;
  onClose(): void;
  onSaved(): void;
}

/** Disable or re-enable; either way a reason goes into the audit log. */
export function SetDisabledModal(props: DialogProps) {
  const { operator } = props;
  const disabling = !operator.disabled;
  const [form] = Form.useForm<{ reason: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'operators.setDisabled');
  const onFinish = async (v: { reason: string }) => {
    const result = await submit({ id: operator.id, disabled: disabling, reason: v.reason ?? '' });
    if (result.ok) {
      notify.success(disabling ? S.disabledDone : S.enabledDone);
      props.onSaved();
    }
  };
  return (
    <FormModal
      title={disabling ? S.disableTitle(operator.displayName) : S.enableTitle(operator.displayName)}
      okText={disabling ? S.disable : S.enable}
      formProps={formProps}
      submitting={submitting}
      onFinish={onFinish}
      onClose={props.onClose}
    >
      <Typography.Paragraph>{disabling ? S.disableNote : S.enableNote}</Typography.Paragraph>
      <Form.Item label={S.reason} name="reason" required extra={S.reasonHelp}>
        <Input.TextArea autoFocus maxLength={200} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

export function ResetPasswordModal(props: DialogProps) {
  const { operator } = props;
  const [form] = Form.useForm<{ password: string; confirmPassword: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'operators.resetPassword');
  const onFinish = async (v: { password: string; confirmPassword: string }) => {
    const result = await submit({ id: operator.id, password: v.password ?? '' });
    if (result.ok) {
      notify.success(S.resetDone);
      props.onSaved();
    }
  };
  return (
    <FormModal title={S.resetTitle(operator.displayName)} okText={S.resetPassword} formProps={formProps} submitting={submitting} onFinish={onFinish} onClose={props.onClose}>
      <Typography.Paragraph>{S.resetNote}</Typography.Paragraph>
      <Form.Item label={S.newPassword} name="password" required extra={S.passwordHelp}>
        <Input.Password autoFocus autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={S.confirmPassword} name="confirmPassword" dependencies={['password']} rules={sameAs('password')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
