import { Alert, App, Button, Divider, Form, Input, Radio } from 'antd';
import { call } from '../api/client';
import { sameAs, useCommandForm } from '../components/forms';
import { S } from './strings';
import { AuthCard } from './AuthCard';

type EstateChoice = 'new' | 'demo' | 'later';

interface SetupValues {
  officeName: string;
  estateChoice: EstateChoice;
  estateName?: string;
  displayName: string;
  login: string;
  password: string;
  confirmPassword: string;
  setupCode?: string;
}

/**
 * First run: the office's name (for the header and every print), its estate (a new one by
 * name, or the demo estate to try things out), and the very first operator, an administrator.
 * Creating it signs in.
 */
export function SetupPage(props: { setupCodeRequired: boolean; onSignedIn(): void }) {
  const [form] = Form.useForm<SetupValues>();
  const { submit, submitting, formError, formProps } = useCommandForm(form, 'auth.setup', { quiet: true });
  const { message } = App.useApp();
  const choice = Form.useWatch('estateChoice', form) ?? 'new';

  const onFinish = async (v: SetupValues) => {
    const result = await submit({
      officeName: v.officeName ?? '',
      displayName: v.displayName ?? '',
      login: v.login ?? '',
      password: v.password ?? '',
      ...(props.setupCodeRequired ? { setupCode: v.setupCode ?? '' } : {}),
    });
    if (!result.ok) return;
    // Signed in as the admin now. The estate comes next; if it fails, the admin can add it in 房屋住户.
    if (v.estateChoice === 'demo') {
      // A new user can try every desk at once on a believable estate; real data can be imported later.
      const demo = await call('estate.generateDemo', {});
      if (demo.ok) message.success(S.demoDone(demo.value.units, demo.value.people));
      else message.error(demo.error.message);
    } else if (v.estateChoice === 'new' && v.estateName) {
      const estate = await call('estate.saveEstate', { name: v.estateName });
      if (estate.ok) message.success(S.estateCreated(v.estateName.trim()));
      else message.error(estate.error.message);
    }
    props.onSignedIn();
  };

  return (
    <AuthCard testId="setup-page" title={S.setupTitle} subtitle={S.setupIntro}>
      {formError && <Alert type="error" showIcon title={formError.message} style={{ marginBottom: 16 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} autoComplete="off" initialValues={{ estateChoice: 'new' }}>
        <Form.Item label={S.officeName} name="officeName" required extra={S.officeNameHelp}>
          <Input autoFocus maxLength={60} placeholder={S.officeNamePlaceholder} />
        </Form.Item>
        <Form.Item label={S.estate} name="estateChoice">
          <Radio.Group
            options={[
              { value: 'new', label: S.estateNew },
              { value: 'demo', label: S.withDemo },
              { value: 'later', label: S.estateLater },
            ]}
          />
        </Form.Item>
        {choice === 'new' && (
          <Form.Item label={S.estateName} name="estateName" rules={[{ required: true, whitespace: true, message: S.estateNameRequired }]} extra={S.estateNameHelp}>
            <Input maxLength={60} placeholder={S.estateNamePlaceholder} />
          </Form.Item>
        )}
        {choice === 'demo' && <Alert type="info" showIcon title={S.withDemoHelp} style={{ marginBottom: 16 }} />}
        <Divider titlePlacement="start" plain>
          {S.adminSection}
        </Divider>
        <Form.Item label={S.displayName} name="displayName" required extra={S.displayNameHelp}>
          <Input maxLength={32} />
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
            <Input autoComplete="off" maxLength={20} placeholder={S.setupCodePlaceholder} style={{ fontFamily: 'monospace', textTransform: 'uppercase' }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {S.createAdmin}
        </Button>
      </Form>
    </AuthCard>
  );
}
