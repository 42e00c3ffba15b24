import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Spin } from 'antd';
import type { PrintFormSettings, Settings } from '../../shared/contract/settings';
import { COPIES_MAX, OFFSET_LIMIT_MM, PAPER_KEYS, PAPERS } from '../../shared/print';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import '../print/forms';
import { listForms, type PrintFormDef } from '../print/registry';
import { printHash } from '../print/route';
import { S } from './strings';

/** Settings → 打印: paper, copies, printer and alignment offset for every registered form. */
export function PrintSettingsTab() {
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else notify.error(result.error);
    });
  }, [notify]);

  return (
    <Spin spinning={!settings}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 720 }}>
        <div>{S.printHelp}</div>
        {settings && listForms().map((def) => <PrintFormCard key={def.key} def={def} settings={settings} onSaved={setSettings} />)}
      </div>
    </Spin>
  );
}

function defaults(def: PrintFormDef<unknown>): PrintFormSettings {
  return { paper: def.defaultPaper, copies: def.copies, printer: '', offsetXmm: 0, offsetYmm: 0 };
}

function PrintFormCard(props: { def: PrintFormDef<unknown>; settings: Settings; onSaved(s: Settings): void }) {
  const { def, settings } = props;
  const [form] = Form.useForm();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'settings.update');
  const initial = settings.printForms[def.key] ?? defaults(def);
  const name = (field: keyof PrintFormSettings) => ['printForms', def.key, field];

  const current = (): PrintFormSettings => {
    const v = (form.getFieldValue(['printForms', def.key]) ?? {}) as Partial<PrintFormSettings>;
    return { ...defaults(def), ...v, printer: (v.printer ?? '').trim() };
  };

  const onFinish = async () => {
    const result = await submit({ printForms: { ...settings.printForms, [def.key]: current() } });
    if (result.ok) {
      notify.success(S.printSaved(def.title));
      props.onSaved(result.value);
    }
  };

  const openTestPage = () => {
    const v = current();
    window.location.hash = printHash('test-page', { paper: v.paper, dx: v.offsetXmm || undefined, dy: v.offsetYmm || undefined });
  };

  return (
    <Card title={def.title} size="small" data-testid={`print-settings-${def.key}`}>
      <Form {...formProps} form={form} layout="vertical" initialValues={{ printForms: { [def.key]: initial } }} onFinish={onFinish} autoComplete="off">
        <Space wrap align="start">
          <Form.Item label={S.printPaper} name={name('paper')} required>
            <Select virtual={false} style={{ width: 280 }} options={(def.papers ?? PAPER_KEYS).map((k) => ({ value: k, label: PAPERS[k].label }))} />
          </Form.Item>
          <Form.Item label={S.printCopies} name={name('copies')} required>
            <InputNumber min={1} max={COPIES_MAX} precision={0} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item label={S.printPrinter} name={name('printer')} extra={S.printPrinterHelp}>
          <Input maxLength={120} style={{ maxWidth: 400 }} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={S.printOffsetX} name={name('offsetXmm')} extra={S.printOffsetXHelp}>
            <InputNumber min={-OFFSET_LIMIT_MM} max={OFFSET_LIMIT_MM} step={0.5} precision={1} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={S.printOffsetY} name={name('offsetYmm')} extra={S.printOffsetYHelp}>
            <InputNumber min={-OFFSET_LIMIT_MM} max={OFFSET_LIMIT_MM} step={0.5} precision={1} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {S.save}
          </Button>
          <Button onClick={openTestPage}>{S.printTestPage}</Button>
        </Space>
      </Form>
    </Card>
  );
}
