import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button, Result, Space } from 'antd';
import dayjs from 'dayjs';
import '@fontsource/noto-sans-sc/400.css';
import type { PrintFormSettings } from '../../shared/contract/settings';
import { PAPER_KEYS, PAPERS } from '../../shared/print';
import { call } from '../api/client';
import { OFFICE_TZ } from '../format';
import { getForm, listForms } from './registry';
import { pageCss, rollHeightMm } from './pageCss';
import { parsePrintHash, type PrintRoute } from './route';
import { VoidWatermark } from './parts';
import { S } from './strings';
import './forms';
import './print.css';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The print route when the hash is `#/print/…`, else null (the normal shell). */
export function usePrintRoute(): PrintRoute | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parsePrintHash(hash);
}

/**
 * One form, sized as its paper, without the shell: what the browser's print dialog (or
 * Chromium's PDF in tests) prints. `data-print-ready` turns on once settings, fonts and the
 * roll height are in, so nothing prints half-laid-out.
 */
export function PrintPreview(props: { route: PrintRoute; officeName: string }) {
  const { route } = props;
  const def = getForm(route.formKey);
  const [saved, setSaved] = useState<{ officeName: string; form: PrintFormSettings | undefined } | null>(null);
  const [printedAt] = useState(() => new Date().toISOString());
  const [fontsReady, setFontsReady] = useState(false);
  const [contentPx, setContentPx] = useState<number | null>(null);
  const [record, setRecord] = useState<{ serial: string | null; data: unknown; error: string | null } | null>(null);
  const sheetRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void call('settings.get', {}).then((result) => {
      if (!live) return;
      // Without settings (e.g. the session just locked) the form still prints with its own defaults.
      setSaved(result.ok ? { officeName: result.value.officeName, form: result.value.printForms[route.formKey] } : { officeName: props.officeName, form: undefined });
    });
    return () => {
      live = false;
    };
  }, [route.formKey, props.officeName]);

  // A form that prints a record loads it by serial; the test page needs nothing.
  useEffect(() => {
    if (!def?.load) return;
    let live = true;
    const serial = route.serial;
    if (!serial) {
      setRecord({ serial, data: null, error: S.noSerial });
      return;
    }
    setRecord(null);
    void def.load(serial).then((result) => {
      if (live) setRecord(result.ok ? { serial, data: result.value, error: null } : { serial, data: null, error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [def, route.serial]);
  const needsRecord = def?.load !== undefined;
  const recordReady = !needsRecord || (record !== null && record.error === null && record.serial === route.serial);

  const paper = PAPERS[route.paper ?? saved?.form?.paper ?? def?.defaultPaper ?? 'a4-portrait'];
  const offsetX = route.offsetXmm ?? saved?.form?.offsetXmm ?? 0;
  const offsetY = route.offsetYmm ?? saved?.form?.offsetYmm ?? 0;
  const copies = saved?.form?.copies ?? def?.copies ?? 1;

  useLayoutEffect(() => {
    const el = sheetRef.current;
    if (!el || paper.heightMm !== null) return;
    const measure = () => setContentPx(el.getBoundingClientRect().height);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [paper, saved]);

  useEffect(() => {
    if (!saved || !recordReady) return;
    let live = true;
    setFontsReady(false);
    // Fonts load per unicode range as text appears; wait for them after the form has rendered.
    void document.fonts.ready.then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, [saved, recordReady]);

  if (!def) {
    return (
      <Result
        status="404"
        title={S.unknownForm}
        subTitle={S.unknownFormSub(route.formKey)}
        extra={
          // The registered forms, also how tests find every form to render.
          <ul data-testid="print-form-list" style={{ listStyle: 'none', padding: 0 }}>
            {listForms().map((f) => (
              <li key={f.key} data-key={f.key} data-papers={(f.papers ?? PAPER_KEYS).join(' ')} data-needs-record={f.load ? '1' : undefined}>
                <a href={`#/print/${f.key}`}>{f.title}</a>
              </li>
            ))}
          </ul>
        }
      />
    );
  }
  if (record?.error) {
    return (
      <div data-testid="print-error">
        <Result status="warning" title={def.title} subTitle={record.error} />
      </div>
    );
  }
  const serial = route.serial ?? `TEST-${dayjs(printedAt).tz(OFFICE_TZ).format('YYYYMMDD-HHmmss')}`;
  const rollMm = paper.heightMm === null && contentPx !== null ? rollHeightMm(paper, contentPx) + Math.max(0, offsetY) : null;
  const ready = saved !== null && recordReady && fontsReady && (paper.heightMm !== null || rollMm !== null);
  const Form = def.component;
  const { top, right, bottom, left } = paper.marginMm;

  return (
    <div className="print-root" data-testid="print-preview" data-print-ready={ready ? '1' : undefined}>
      <style>{pageCss(paper, rollMm)}</style>
      <div className="print-toolbar">
        <Space wrap>
          <Button type="primary" onClick={() => window.print()} disabled={!ready}>
            {S.print}
          </Button>
          <Button onClick={() => (window.history.length > 1 ? window.history.back() : (window.location.hash = '#/settings/print'))}>{S.close}</Button>
          <span>
            {def.title} · {S.paper}：{paper.label} · {S.copies(copies)} · {S.offset(offsetX, offsetY)}
          </span>
        </Space>
        <div style={{ width: '100%', textAlign: 'center' }}>{S.previewHint}</div>
      </div>
      <div
        className="print-page"
        style={{
          width: `${paper.widthMm}mm`,
          minHeight: paper.heightMm === null ? undefined : `${paper.heightMm}mm`,
          padding: `${top}mm ${right}mm ${bottom}mm ${left}mm`,
        }}
      >
        <div ref={sheetRef} className="print-sheet" style={{ transform: offsetX || offsetY ? `translate(${offsetX}mm, ${offsetY}mm)` : undefined }}>
          {saved && recordReady && (
            <Form
              data={record?.data}
              officeName={saved.officeName}
              title={def.title}
              serial={serial}
              printedAt={printedAt}
              reprint={route.reprint}
              voided={route.voided}
              paper={paper}
            />
          )}
        </div>
      </div>
      {route.voided && <VoidWatermark />}
    </div>
  );
}
