import { Checkbox, Form, Input } from 'antd';
import { ROLES, ROLE_LABELS, type Role } from '../../shared/roles';
import type { OperatorView } from '../../shared/contract/operators';
import { FormModal } from '../components/FormModal';
import { sameAs, useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { S } from './strings';

interface Values {
  displayName: string;
  login: string;
  password: string;
  confirmPassword: string;
  roles: Role[];
}

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** New operator (with login and first password) or an existing one's name and roles. */
export function OperatorFormModal(props: { operator: OperatorView | null; onClose(): void; onSaved(): void }) {
  const { operator, onClose, onSaved } = props;
  return operator ? <EditOperator operator={operator} onClose={onClose} onSaved={onSaved} /> : <CreateOperator onClose={onClose} onSaved={onSaved} />;
}

function CreateOperator(props: { onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'operators.create');
  const onFinish = async (v: Values) => {
    const result = await submit({ displayName: v.displayName ?? '', login: v.login ?? '', password: v.password ?? '', roles: v.roles ?? [] });
    if (result.ok) {
      notify.success(S.created);
      props.onSaved();
    }
  };
  return (
    <FormModal title={S.createTitle} formProps={formProps} submitting={submitting} onFinish={onFinish} onClose={props.onClose} initialValues={{ roles: [] }}>
      <Form.Item label={S.displayName} name="displayName" required>
        <Input autoFocus maxLength={32} />
      </Form.Item>
      <Form.Item label={S.loginName} name="login" required extra={S.loginNameHelp}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item label={S.password} name="password" required extra={S.passwordHelp}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={S.confirmPassword} name="confirmPassword" dependencies={['password']} rules={sameAs('password')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <RolesField />
    </FormModal>
  );
}

function EditOperator(props: { operator: OperatorView; onClose(): void; onSaved(): void }) {
  const { operator } = props;
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'operators.update');
  const onFinish = async (v: Values) => {
    const result = await submit({ id: operator.id, displayName: v.displayName ?? '', roles: v.roles ?? [] });
    if (result.ok) {
      notify.success(S.updated);
      props.onSaved();
    }
  };
  return (
    <FormModal
      title={S.editTitle(operator.displayName)}
      formProps={formProps}
      submitting={submitting}
      okText={S.save}
      onFinish={onFinish}
      onClose={props.onClose}
      initialValues={{ displayName: operator.displayName, roles: operator.roles }}
    >
      <Form.Item label={S.loginName}>
        <Input value={operator.login} disabled />
      </Form.Item>
      <Form.Item label={S.displayName} name="displayName" required>
        <Input autoFocus maxLength={32} />
      </Form.Item>
      <RolesField />
    </FormModal>
  );
}

function RolesField() {
  return (
    <Form.Item label={S.roles} name="roles" required>
      <Checkbox.Group options={ROLE_OPTIONS} />
    </Form.Item>
  );
}
