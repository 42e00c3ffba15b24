import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button, Result, Space } from 'antd';
import '@fontsource/noto-sans-sc/400.css';
import type { PdfRequest, PrintRequest } from '../../shared/print-jobs';
import type { PrintFormSettings } from '../../shared/contract/settings';
import { OFFSET_LIMIT_MM, PAPER_KEYS, PAPERS, ROLL_MAX_HEIGHT_MM, type PrintRecord } from '../../shared/print';
import type { CommandError } from '../../shared/result';
import { call } from '../api/client';
import { useNotify } from '../components/notify';
import { officeFormat } from '../dates';
import { useDesks } from '../desk-module';
import type { PrintedJob } from './registry';
import { pageCss, rollHeightMm } from './pageCss';
import { parsePrintHash, printHash, type PrintRoute } from './route';
import { VoidWatermark } from './parts';
import { S } from './strings';
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
 * Chromium's PDF in tests) prints, and what the desktop app's hidden print window renders.
 * `data-print-ready` turns on once settings, record, fonts, images and the roll height are in,
 * so nothing prints half-laid-out; `data-roll-mm` tells that window how long a roll page is.
 */
export function PrintPreview(props: { route: PrintRoute; officeName: string }) {
  const { route } = props;
  const { printForms, printForm } = useDesks();
  const def = printForm(route.formKey);
  const notify = useNotify();
  const [saved, setSaved] = useState<{ officeName: string; officeLogo: string; form: PrintFormSettings | undefined } | null>(null);
  const [printedAt] = useState(() => new Date().toISOString());
  const [assetsReady, setAssetsReady] = useState(false);
  const [contentPx, setContentPx] = useState<number | null>(null);
  const [record, setRecord] = useState<{ serial: string | null; value: PrintRecord<unknown> | null; error: string | null } | null>(null);
  /** Bumped after a job went out: the record is read again, so the preview shows what the next copy is (补打). */
  const [printedJobs, setPrintedJobs] = useState(0);
  const sheetRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void call('settings.get', {}).then((result) => {
      if (!live) return;
      // Without settings (e.g. the session just locked) the form still prints with its own defaults.
      setSaved(
        result.ok
          ? { officeName: result.value.officeName, officeLogo: result.value.officeLogo, form: result.value.printForms[route.formKey] }
          : { officeName: props.officeName, officeLogo: '', form: undefined },
      );
    });
    return () => {
      live = false;
    };
  }, [route.formKey, props.officeName]);

  // A form that prints a record reads it — number, 补打 count, 作废 mark and data — from the server
  // by the record's number; the test page needs nothing.
  useEffect(() => {
    if (!def?.record) return;
    let live = true;
    const serial = route.serial;
    if (!serial) {
      setRecord({ serial, value: null, error: S.noSerial });
      return;
    }
    void def.record.load(serial).then((result) => {
      if (live) setRecord(result.ok ? { serial, value: result.value, error: null } : { serial, value: null, error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [def, route.serial, printedJobs]);
  const needsRecord = def?.record !== undefined;
  const loaded = needsRecord && record !== null && record.error === null && record.serial === route.serial ? record.value : null;
  const recordReady = !needsRecord || loaded !== null;

  /** A job went out (the printer or the browser's dialog returned, or the PDF was saved): counted now, never on opening. */
  const jobDone = async (job: PrintedJob) => {
    if (!def?.record || !loaded) return;
    const result = await def.record.printed(loaded.serial, job);
    if (!result.ok) notify.error(result.error);
    else setPrintedJobs((n) => n + 1);
  };

  const paper = PAPERS[route.paper ?? saved?.form?.paper ?? def?.defaultPaper ?? 'a4-portrait'];
  const offsetX = route.offsetXmm ?? saved?.form?.offsetXmm ?? 0;
  const offsetY = route.offsetYmm ?? saved?.form?.offsetYmm ?? 0;
  const copies = saved?.form?.copies ?? def?.copies ?? 1;

  // Measured again in the same commit as the record's data (not only when the ResizeObserver next
  // reports, a frame later): with the fonts already loaded the page is ready within a microtask, and a
  // roll printed then was as long as the form without its data (20 mm: a receipt on 8 pages).
  useLayoutEffect(() => {
    const el = sheetRef.current;
    if (!el || paper.heightMm !== null) return;
    const measure = () => setContentPx(el.getBoundingClientRect().height);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [paper, saved, loaded]);

  useEffect(() => {
    if (!saved || !recordReady) return;
    let live = true;
    setAssetsReady(false);
    // Fonts load per unicode range as text appears, and images (the logo) decode asynchronously:
    // wait for both after the form has rendered, or the first print may show neither.
    const images = [...(sheetRef.current?.querySelectorAll('img') ?? [])];
    void document.fonts.ready
      .then(() => Promise.all(images.map((img) => img.decode().catch(() => undefined))))
      .then(() => live && setAssetsReady(true));
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
            {printForms.map((f) => (
              <li key={f.key} data-key={f.key} data-papers={(f.papers ?? PAPER_KEYS).join(' ')} data-needs-record={f.record ? '1' : undefined}>
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
  // A record's form prints the number the server gave; the test page, whatever it was opened with.
  const serial = loaded?.serial ?? route.serial ?? `TEST-${officeFormat(printedAt, 'YYYYMMDD-HHmmss')}`;
  const reprint = loaded?.reprint ?? 0;
  const voided = loaded?.voided ?? false;
  const rollMm = paper.heightMm === null && contentPx !== null ? rollHeightMm(paper, contentPx) + Math.max(0, offsetY) : null;
  const ready = saved !== null && recordReady && assetsReady && (paper.heightMm !== null || rollMm !== null);
  const Form = def.component;
  const { top, right, bottom, left } = paper.marginMm;
  const printer = saved?.form?.printer ?? '';
  const clampOffset = (mm: number) => Math.min(OFFSET_LIMIT_MM, Math.max(-OFFSET_LIMIT_MM, mm));
  // What the desktop app's print window renders and the printer is told: the paper, offsets and
  // serial on screen now (the test page's made-up serial included), not whatever is saved later.
  // Its 补打 count and 作废 mark it reads from the record itself, as this preview did.
  const desktopJob: DesktopPrintJob = {
    formKey: def.key,
    hash: printHash(def.key, { paper: paper.key, serial }),
    form: { paper: paper.key, copies, printer, offsetXmm: clampOffset(offsetX), offsetYmm: clampOffset(offsetY) },
    rollHeightMm: rollMm === null ? null : Math.min(ROLL_MAX_HEIGHT_MM, rollMm),
    fileName: `${def.title}-${serial}`,
  };
  const desktop = typeof window.qiantai?.print === 'function';

  return (
    <div className="print-root" data-testid="print-preview" data-print-ready={ready ? '1' : undefined} data-roll-mm={rollMm === null ? undefined : rollMm.toFixed(1)}>
      <style>{pageCss(paper, rollMm)}</style>
      <div className="print-toolbar">
        <Space wrap>
          {desktop ? (
            <DesktopPrintButtons job={desktopJob} ready={ready} onDone={jobDone} />
          ) : (
            <Button
              type="primary"
              disabled={!ready}
              onClick={() => {
                // Returns once the dialog closes; whether it printed or was cancelled the page cannot
                // tell, so a dialog closed is counted as a copy out (never merely opening the preview).
                window.print();
                void jobDone({ copies, output: 'dialog' });
              }}
            >
              {S.print}
            </Button>
          )}
          <Button onClick={() => (window.history.length > 1 ? window.history.back() : (window.location.hash = '#/settings/print'))}>{S.close}</Button>
          <span>
            {def.title} · {S.paper}：{paper.label} · {S.copies(copies)} · {S.offset(offsetX, offsetY)}
            {desktop && ` · ${S.printerLine(printer)}`}
          </span>
        </Space>
        <div style={{ width: '100%', textAlign: 'center' }}>{desktop ? S.previewHintDesktop : S.previewHint}</div>
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
              data={loaded?.data}
              officeName={saved.officeName}
              officeLogo={saved.officeLogo}
              title={def.title}
              serial={serial}
              printedAt={printedAt}
              reprint={reprint}
              voided={voided}
              paper={paper}
            />
          )}
        </div>
      </div>
      {voided && <VoidWatermark />}
    </div>
  );
}

type DesktopPrintJob = Omit<PrintRequest, 'silent'> & Pick<PdfRequest, 'fileName'>;

const UNREACHABLE: CommandError = { kind: 'internal', message: S.desktopUnreachable };

/**
 * The desktop app's buttons: the job goes to the main process, which renders this same route in
 * a hidden window and prints it (to the form's printer, or through the system dialog) or saves
 * it as PDF. Only shown when the preload is there; browser mode keeps window.print().
 */
function DesktopPrintButtons(props: { job: DesktopPrintJob; ready: boolean; onDone(job: PrintedJob): Promise<void> }) {
  const notify = useNotify();
  const [busy, setBusy] = useState<'print' | 'dialog' | 'pdf' | null>(null);
  const bridge = window.qiantai;
  if (!bridge) return null;
  const { fileName, ...job } = props.job;

  const print = async (silent: boolean) => {
    setBusy(silent ? 'print' : 'dialog');
    try {
      const result = await bridge.print({ ...job, silent }).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (!result.ok) notify.error(result.error);
      else if (result.value.status === 'printed') {
        notify.success(S.sentToPrinter(result.value.printer, result.value.copies));
        await props.onDone({ copies: result.value.copies, output: 'printer' });
      }
    } finally {
      setBusy(null);
    }
  };

  const savePdf = async () => {
    setBusy('pdf');
    try {
      const result = await bridge.savePdf({ ...job, fileName }).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (!result.ok) notify.error(result.error);
      else if (result.value.status === 'saved') {
        notify.success(S.pdfSaved(result.value.path));
        // A saved PDF is a copy that can be printed anywhere: it counts like one printed.
        await props.onDone({ copies: 1, output: 'pdf' });
      }
    } finally {
      setBusy(null);
    }
  };

  const disabled = !props.ready || busy !== null;
  return (
    <>
      <Button type="primary" onClick={() => void print(true)} loading={busy === 'print'} disabled={disabled && busy !== 'print'}>
        {S.print}
      </Button>
      {/* With a printer chosen, 打印 goes straight to it; this is the way to pick another one once. */}
      {job.form.printer !== '' && (
        <Button onClick={() => void print(false)} loading={busy === 'dialog'} disabled={disabled && busy !== 'dialog'}>
          {S.printWithDialog}
        </Button>
      )}
      <Button onClick={() => void savePdf()} loading={busy === 'pdf'} disabled={disabled && busy !== 'pdf'}>
        {S.saveAsPdf}
      </Button>
    </>
  );
}
