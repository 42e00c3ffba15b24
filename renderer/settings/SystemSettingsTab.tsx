import { useEffect, useRef, useState } from 'react';
import { Button, Form, Input, InputNumber, Space, Spin, Upload } from 'antd';
import { OFFICE_LOGO_MAX_BYTES, OFFICE_LOGO_TYPES, officeLogoSchema, type Settings } from '../../shared/contract/settings';
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
  const savedLogo = useRef('');
  const { submit, submitting, formProps } = useCommandForm(form, 'settings.update');

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) {
        form.setFieldsValue(result.value);
        savedLogo.current = result.value.officeLogo;
        setLoaded(true);
      } else notify.error(result.error);
    });
  }, [form, notify]);

  const onFinish = async (v: Settings) => {
    const logo = v.officeLogo ?? '';
    // The logo can be a few hundred KB: send it only when it changed.
    const result = await submit({ officeName: v.officeName ?? '', lockMinutes: v.lockMinutes, ...(logo !== savedLogo.current ? { officeLogo: logo } : {}) });
    if (result.ok) {
      savedLogo.current = result.value.officeLogo;
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
        <Form.Item label={S.officeLogo} name="officeLogo" extra={S.officeLogoHelp(OFFICE_LOGO_MAX_BYTES / 1024)}>
          <LogoField />
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

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * The office logo as a form value (a data: URL, '' for none). Nothing is uploaded anywhere: the
 * file is read in the page and saved with the other settings; the contract's own check runs
 * first, so a wrong or oversized file is refused before 保存 with the server's words.
 */
function LogoField(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const notify = useNotify();
  const [reading, setReading] = useState(false);
  const value = props.value ?? '';

  const take = async (file: File) => {
    if (!(OFFICE_LOGO_TYPES as readonly string[]).includes(file.type)) {
      notify.error({ kind: 'validation', message: S.officeLogoWrongType });
      return;
    }
    if (file.size > OFFICE_LOGO_MAX_BYTES) {
      notify.error({ kind: 'validation', message: S.officeLogoTooLarge(OFFICE_LOGO_MAX_BYTES / 1024) });
      return;
    }
    setReading(true);
    try {
      const url = await readAsDataUrl(file);
      const checked = officeLogoSchema.safeParse(url);
      if (!checked.success) notify.error({ kind: 'validation', message: checked.error.issues[0]?.message ?? S.officeLogoWrongType });
      else props.onChange?.(url);
    } catch {
      notify.error({ kind: 'validation', message: S.officeLogoUnreadable });
    } finally {
      setReading(false);
    }
  };

  // The field's id sits on the wrapper, so each button is named by its own text (选择图片, 删除标志).
  return (
    <div id={props.id}>
      <Space align="center" wrap>
        {value && (
          <img
            src={value}
            alt={S.officeLogo}
            data-testid="office-logo-preview"
            style={{ height: 48, maxWidth: 160, objectFit: 'contain', border: '1px solid #f0f0f0', padding: 2 }}
          />
        )}
        <Upload
          accept={OFFICE_LOGO_TYPES.join(',')}
          showUploadList={false}
          maxCount={1}
          // Returning false keeps antd from uploading: the file is only read here.
          beforeUpload={(file) => {
            void take(file);
            return false;
          }}
        >
          <Button loading={reading}>{value ? S.officeLogoReplace : S.officeLogoChoose}</Button>
        </Upload>
        {value && (
          <Button danger onClick={() => props.onChange?.('')}>
            {S.officeLogoRemove}
          </Button>
        )}
      </Space>
    </div>
  );
}
