import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Spin } from 'antd';
import type { PrinterChoice } from '../../shared/print-jobs';
import type { PrintFormSettings, Settings } from '../../shared/contract/settings';
import { COPIES_MAX, OFFSET_LIMIT_MM, PAPER_KEYS, PAPERS } from '../../shared/print';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { useDesks } from '../desk-module';
import type { PrintFormDef } from '../print/registry';
import { printHash } from '../print/route';
import { S } from './strings';

const desktop = () => typeof window.qiantai?.printers === 'function';

/**
 * The system's printers in the desktop app; null in browser mode (the browser's own dialog picks
 * the printer there) or when the list cannot be read (then the name is typed, as in browser mode);
 * undefined while it is being read.
 */
function useSystemPrinters(): PrinterChoice[] | null | undefined {
  const notify = useNotify();
  const [printers, setPrinters] = useState<PrinterChoice[] | null | undefined>(() => (desktop() ? undefined : null));
  useEffect(() => {
    const bridge = window.qiantai;
    if (!bridge || !desktop()) return;
    let live = true;
    void bridge
      .printers()
      .catch(() => null)
      .then((result) => {
        if (!live) return;
        setPrinters(result?.ok ? result.value : null);
        if (!result?.ok) notify.error({ kind: 'conflict', message: S.printPrintersUnavailable });
      });
    return () => {
      live = false;
    };
  }, [notify]);
  return printers;
}

/** Settings → 打印: paper, copies, printer and alignment offset for every registered form. */
export function PrintSettingsTab() {
  const { printForms } = useDesks();
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings | null>(null);
  const printers = useSystemPrinters();

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else notify.error(result.error);
    });
  }, [notify]);

  return (
    <Spin spinning={!settings || printers === undefined}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 720 }}>
        <div>{S.printHelp}</div>
        {/* Cards wait for the printer list: the field is a list or a text box from the start, never both. */}
        {settings &&
          printers !== undefined &&
          printForms.map((def) => <PrintFormCard key={def.key} def={def} settings={settings} printers={printers} onSaved={setSettings} />)}
      </div>
    </Spin>
  );
}

/** The printer field: the system's printers as a list in the desktop app, a typed name otherwise. */
function PrinterField(props: { printers: PrinterChoice[] | null; saved: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { printers, saved } = props;
  if (!printers) return <Input id={props.id} value={props.value} onChange={(e) => props.onChange?.(e.target.value)} maxLength={120} style={{ maxWidth: 400 }} />;
  const options = [
    { value: '', label: S.printPrinterAsk },
    ...printers.map((p) => ({ value: p.name, label: p.displayName === p.name ? p.name : `${p.displayName}（${p.name}）` })),
  ];
  // A saved printer that is gone (unplugged, renamed) stays visible, marked, so nobody loses it unknowingly.
  if (saved && !printers.some((p) => p.name === saved)) options.push({ value: saved, label: S.printPrinterMissing(saved) });
  return (
    <Select
      id={props.id}
      virtual={false}
      style={{ maxWidth: 400 }}
      value={props.value ?? ''}
      onChange={(v: string) => props.onChange?.(v)}
      options={options}
      data-testid="print-printer-select"
    />
  );
}

function defaults(def: PrintFormDef<unknown>): PrintFormSettings {
  return { paper: def.defaultPaper, copies: def.copies, printer: '', offsetXmm: 0, offsetYmm: 0 };
}

function PrintFormCard(props: { def: PrintFormDef<unknown>; settings: Settings; printers: PrinterChoice[] | null; onSaved(s: Settings): void }) {
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
        <Form.Item label={S.printPrinter} name={name('printer')} extra={props.printers ? S.printPrinterHelpDesktop : S.printPrinterHelp}>
          <PrinterField printers={props.printers} saved={initial.printer} />
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
