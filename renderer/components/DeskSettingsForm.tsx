import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Spin } from 'antd';
import { getCommand, type CommandName, type CommandOutput } from '../../shared/contract';
import { accessAllows } from '../../shared/contract/define';
import type { DeskSettings } from '../../shared/contract/desks';
import { call } from '../api/client';
import { useCommandForm } from './forms';
import { useNotify } from './notify';
import { useSession } from '../session/SessionContext';

/**
 * The commands that save a section (updateSettingsCommand, shared/contract/desk-settings.ts): they
 * answer the section as stored. Usually `<desk>.updateSettings`; a desk in two halves names each
 * half's (`fees.updateFeeRules`).
 */
type UpdateSettingsName<Section extends keyof DeskSettings> = {
  [N in CommandName]: CommandOutput<N> extends DeskSettings[Section] ? (DeskSettings[Section] extends CommandOutput<N> ? N : never) : never;
}[CommandName];

/**
 * A desk's settings section as a 设置 tab (接待时限, 维修时限): read from settings.get, saved through
 * the desk's own command, whose schema checks the form first and whose field errors land on the
 * fields of the same name. The command's roles edit; the desk's roles read. The fields are the children.
 */
export function DeskSettingsForm<Section extends keyof DeskSettings>(props: {
  section: Section;
  command: UpdateSettingsName<Section>;
  text: { intro: string; readOnly: string; save: string; saved: string };
  children: ReactNode;
}) {
  const [form] = Form.useForm();
  const notify = useNotify();
  const { operator } = useSession();
  // Whoever the section's command lets save it (its editRoles): admins for most, supervisors too for 收费规则.
  const mayEdit = accessAllows(getCommand(props.command).access, operator.roles);
  const [loaded, setLoaded] = useState(false);
  const { submit, submitting, formProps } = useCommandForm(form, props.command);
  const { section } = props;

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) {
        form.setFieldsValue(result.value[section]);
        setLoaded(true);
      } else notify.error(result.error);
    });
  }, [form, notify, section]);

  const onFinish = async (v: DeskSettings[typeof section]) => {
    // Each command's input is its own section: the form holds exactly that section's fields.
    const result = await submit(v as never);
    if (result.ok) notify.success(props.text.saved);
  };

  return (
    <Spin spinning={!loaded}>
      <Alert type="info" showIcon title={props.text.intro} style={{ marginBottom: 16, maxWidth: 640 }} />
      {!mayEdit && <Alert type="warning" showIcon title={props.text.readOnly} style={{ marginBottom: 16, maxWidth: 640 }} />}
      <Form {...formProps} layout="vertical" onFinish={onFinish} disabled={!mayEdit} style={{ maxWidth: 480 }} autoComplete="off">
        {props.children}
        {mayEdit && (
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!loaded}>
            {props.text.save}
          </Button>
        )}
      </Form>
    </Spin>
  );
}
