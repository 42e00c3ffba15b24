/**
 * Print jobs in the main process, with stand-ins for the hidden window, the printer list, the
 * save dialog and the disk. Node only: the Electron binary is not needed (nor run) here.
 * Real checks beside them: tests/e2e/print.spec.ts runs READY_PROBE on the real print page and
 * prints every form to PDF in Chromium; sending to a real printer needs Electron and a printer.
 */
import { describe, expect, it } from 'vitest';
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { FrameLike, InvokeEventLike, SenderLike } from '../../electron/invoke';
import { FORBIDDEN } from '../../electron/invoke';
import {
  createPrintService,
  pdfFileName,
  printPageUrl,
  READY_PROBE,
  type PrintDeps,
  type PrintPage,
} from '../../electron/print-jobs';
import type { PdfRequest, PrintRequest } from '../../shared/print-jobs';
import { APP_INDEX_URL } from '../../electron/security';
import { mmToMicrons } from '../../shared/print';

function windowEvent(id: number, url = `${APP_INDEX_URL}#/print/test-page`): InvokeEventLike {
  const mainFrame: FrameLike = { url, processId: 3, routingId: id, parent: null };
  const sender: SenderLike = { id, mainFrame, once: () => undefined };
  return { sender, senderFrame: mainFrame };
}
const OURS = 1;

type Probe = { state: string; rollMm?: number | null; message?: string } | 'throw';

/** A print window whose page answers the readiness probe from a script of answers. */
function fakePage(answers: Probe[], log: string[], opts: { print?: { success: boolean; failureReason: string }; pdfFails?: boolean } = {}) {
  let i = 0;
  const page: PrintPage & { printed: WebContentsPrintOptions[]; pdf: PrintToPDFOptions[]; closed: boolean } = {
    printed: [],
    pdf: [],
    closed: false,
    async evaluate(script) {
      expect(script).toBe(READY_PROBE);
      const a = answers[Math.min(i++, answers.length - 1)]!;
      if (a === 'throw') throw new Error('Execution context was destroyed');
      return a;
    },
    async print(options) {
      log.push('print');
      page.printed.push(options);
      return opts.print ?? { success: true, failureReason: '' };
    },
    async printToPDF(options) {
      log.push('pdf');
      if (opts.pdfFails) throw new Error('Printing failed');
      page.pdf.push(options);
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
    close() {
      log.push('close');
      page.closed = true;
    },
  };
  return page;
}

function service(over: Partial<PrintDeps> & { answers?: Probe[]; pageOpts?: Parameters<typeof fakePage>[2] } = {}) {
  const log: string[] = [];
  const opened: { url: string; opener: number }[] = [];
  const pages: ReturnType<typeof fakePage>[] = [];
  const written: { path: string; data: Uint8Array }[] = [];
  const errors: unknown[] = [];
  let clock = 0;
  const deps: PrintDeps = {
    isOurWindow: (s) => s.id === OURS,
    async openPage(url, opener) {
      log.push('open');
      opened.push({ url, opener: opener.id });
      const page = fakePage(over.answers ?? [{ state: 'ready', rollMm: null }], log, over.pageOpts);
      pages.push(page);
      return page;
    },
    listPrinters: async () => [{ name: 'EPSON LQ-630K', displayName: '爱普生 LQ-630K', description: '针式' }, { name: 'XP-80C' }],
    choosePdfPath: async (_s, name) => `/home/desk/文档/${name}`,
    async writeFile(path, data) {
      written.push({ path, data });
    },
    readyTimeoutMs: 2000,
    pollMs: 100,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    onError: (e) => errors.push(e),
    ...over,
  };
  return { svc: createPrintService(deps), log, opened, pages, written, errors };
}

const form = { paper: 'a4-portrait', copies: 1, printer: '', offsetXmm: 0, offsetYmm: 0 } as const;
const job = (over: Partial<PrintRequest> = {}): PrintRequest => ({
  formKey: 'test-page',
  hash: '#/print/test-page?paper=a4-portrait&serial=T-0001',
  form: { ...form },
  rollHeightMm: null,
  silent: true,
  ...over,
});
const pdfJob = (over: Partial<PdfRequest> = {}): PdfRequest => {
  const { silent: _silent, ...rest } = job();
  return { ...rest, fileName: '打印测试页-T-0001', ...over };
};

describe('[stand-in window, printers, dialog, disk] print requests', () => {
  it('are refused unless they come from our window’s top frame on app://qiantai, before anything opens', async () => {
    const { svc, opened } = service();
    const sub: InvokeEventLike = { ...windowEvent(OURS), senderFrame: { url: APP_INDEX_URL, processId: 3, routingId: 9, parent: windowEvent(OURS).sender.mainFrame } };
    for (const event of [windowEvent(2), windowEvent(OURS, 'https://evil.example/'), sub, { ...windowEvent(OURS), senderFrame: null }]) {
      expect(await svc.print(event, job())).toEqual(FORBIDDEN);
      expect(await svc.savePdf(event, pdfJob())).toEqual(FORBIDDEN);
      expect(await svc.printers(event)).toEqual(FORBIDDEN);
    }
    expect(opened).toEqual([]);
  });

  it('are checked field by field, in Chinese, before anything opens', async () => {
    const { svc, opened } = service();
    const bad: [string, unknown][] = [
      ['not an object', 'print everything'],
      ['extra key', { ...job(), deviceName: 'x' }],
      ['bad form key', job({ formKey: 'Test Page' })],
      ['route elsewhere', job({ hash: '#/settings/print' })],
      ['route to another form', job({ hash: '#/print/other-form' })],
      ['absolute URL', job({ hash: 'https://evil.example/#/print/test-page' })],
      ['script in the query', job({ hash: '#/print/test-page?x=<script>' })],
      ['unknown paper', job({ form: { ...form, paper: 'letter' as 'a4-portrait' } })],
      ['too many copies', job({ form: { ...form, copies: 10 } })],
      ['offset off the sheet', job({ form: { ...form, offsetXmm: 25 } })],
      ['negative roll', job({ rollHeightMm: -1 })],
      ['silent missing', { ...job(), silent: undefined }],
    ];
    for (const [what, request] of bad) {
      const res = await svc.print(windowEvent(OURS), request as PrintRequest);
      expect(res.ok, what).toBe(false);
      if (!res.ok) {
        expect(res.error.kind, what).toBe('validation');
        expect(res.error.message, what).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const mismatch = await svc.print(windowEvent(OURS), job({ hash: '#/print/other-form' }));
    expect(mismatch).toMatchObject({ ok: false, error: { fields: { hash: '单据与打印页面不一致' } } });
    expect((await svc.savePdf(windowEvent(OURS), pdfJob({ fileName: '' }))).ok).toBe(false);
    expect(opened).toEqual([]);
  });
});

describe('[stand-in window, printers, dialog, disk] printing', () => {
  it('opens the route with the job’s paper and offsets, waits until the page is ready, prints with explicit size, and closes the window', async () => {
    const { svc, opened, pages, log } = service({ answers: ['throw', { state: 'pending' }, { state: 'ready', rollMm: 123.4 }] });
    const res = await svc.print(
      windowEvent(OURS),
      job({ hash: '#/print/test-page?paper=a4-portrait&serial=T-0001&dx=9', form: { paper: 'roll-80', copies: 2, printer: 'XP-80C', offsetXmm: 1.5, offsetYmm: -2 }, rollHeightMm: 100 }),
    );
    expect(res).toEqual({ ok: true, value: { status: 'printed', printer: 'XP-80C', copies: 2 } });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.opener).toBe(OURS);
    const url = new URL(opened[0]!.url);
    expect(url.href.split('#')[0]).toBe(APP_INDEX_URL);
    const q = new URLSearchParams(url.hash.split('?')[1]);
    expect(url.hash.startsWith('#/print/test-page?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({ paper: 'roll-80', serial: 'T-0001', dx: '1.5', dy: '-2' });
    // The page's own measurement (123.4 mm) wins over the preview's (100 mm).
    expect(pages[0]!.printed[0]).toMatchObject({ silent: true, deviceName: 'XP-80C', copies: 2, pageSize: { width: 80000, height: mmToMicrons(124) }, margins: { marginType: 'none' } });
    expect(log).toEqual(['open', 'print', 'close']);
  });

  it('uses the preview’s roll height when the page gives none', async () => {
    const { svc, pages } = service({ answers: [{ state: 'ready', rollMm: null }] });
    await svc.print(windowEvent(OURS), job({ form: { ...form, paper: 'roll-80' }, rollHeightMm: 87.2 }));
    expect(pages[0]!.printed[0]!.pageSize).toEqual({ width: 80000, height: 88000 });
  });

  it('shows the system dialog when the form has no printer, or when asked to', async () => {
    const { svc, pages } = service();
    expect(await svc.print(windowEvent(OURS), job())).toEqual({ ok: true, value: { status: 'printed', printer: null, copies: 1 } });
    expect(pages[0]!.printed[0]!.silent).toBe(false);
    await svc.print(windowEvent(OURS), job({ silent: false, form: { ...form, printer: 'EPSON LQ-630K' } }));
    expect(pages[1]!.printed[0]).toMatchObject({ silent: false, deviceName: 'EPSON LQ-630K' });
  });

  it('refuses to print silently to a printer the system does not have; the dialog then offers what there is', async () => {
    const { svc, opened, pages } = service();
    const res = await svc.print(windowEvent(OURS), job({ form: { ...form, printer: 'Gone Printer' } }));
    expect(res).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('找不到打印机「Gone Printer」') } });
    expect(opened).toEqual([]);
    expect((await svc.print(windowEvent(OURS), job({ silent: false, form: { ...form, printer: 'Gone Printer' } }))).ok).toBe(true);
    expect(pages[0]!.printed[0]!.silent).toBe(false);
    expect(pages[0]!.printed[0]).not.toHaveProperty('deviceName');
  });

  it('reports a cancelled dialog as such, and a failed print in Chinese', async () => {
    const cancelled = service({ pageOpts: { print: { success: false, failureReason: 'cancelled' } } });
    expect(await cancelled.svc.print(windowEvent(OURS), job())).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(cancelled.pages[0]!.closed).toBe(true);
    const failed = service({ pageOpts: { print: { success: false, failureReason: 'failed' } } });
    expect(await failed.svc.print(windowEvent(OURS), job())).toMatchObject({ ok: false, error: { kind: 'conflict', message: '打印失败：failed。请检查打印机后重试。' } });
    expect(failed.pages[0]!.closed).toBe(true);
  });

  it('gives up after the timeout with a Chinese message, and never prints a page that was not ready', async () => {
    const { svc, pages, log } = service({ answers: [{ state: 'pending' }] });
    const res = await svc.print(windowEvent(OURS), job());
    expect(res).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('2 秒内没有准备好') } });
    expect(pages[0]!.printed).toEqual([]);
    expect(log).toEqual(['open', 'close']);
  });

  it('passes on what the page says instead of waiting: its error, a lost sign-in, an unknown form', async () => {
    const cases: [Probe, RegExp][] = [
      [{ state: 'error', message: '打印收据没有这张收据' }, /^无法打印：打印收据没有这张收据$/],
      [{ state: 'signed-out' }, /重新登录/],
      [{ state: 'unknown-form' }, /没有这种单据：test-page/],
    ];
    for (const [answer, message] of cases) {
      const { svc, pages, log } = service({ answers: [answer] });
      const res = await svc.print(windowEvent(OURS), job());
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(message);
      expect(pages[0]!.printed).toEqual([]);
      expect(log).toEqual(['open', 'close']);
    }
  });

  it('prints one job at a time: a double click prints twice, one after the other', async () => {
    const { svc, log } = service({ answers: [{ state: 'pending' }, { state: 'ready', rollMm: null }] });
    const [a, b] = await Promise.all([svc.print(windowEvent(OURS), job()), svc.print(windowEvent(OURS), job())]);
    expect(a.ok && b.ok).toBe(true);
    expect(log).toEqual(['open', 'print', 'close', 'open', 'print', 'close']);
  });

  it('turns an unexpected throw into a Chinese internal error, logged', async () => {
    const { svc, errors } = service({
      openPage: async () => {
        throw new Error('ERR_FAILED');
      },
    });
    expect(await svc.print(windowEvent(OURS), job())).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringMatching(/系统出错/) } });
    expect(errors).toHaveLength(1);
  });
});

describe('[stand-in window, printers, dialog, disk] saving as PDF', () => {
  it('asks where first, renders with the paper size, and writes the bytes there', async () => {
    let asked = '';
    const { svc, pages, written, log } = service({
      choosePdfPath: async (_s, name) => {
        asked = name;
        log.push('ask');
        return `/home/desk/文档/${name}`;
      },
    });
    const res = await svc.savePdf(windowEvent(OURS), pdfJob({ fileName: '打印测试页/T:0001' }));
    expect(asked).toBe('打印测试页_T_0001.pdf');
    expect(res).toEqual({ ok: true, value: { status: 'saved', path: '/home/desk/文档/打印测试页_T_0001.pdf' } });
    expect(log).toEqual(['ask', 'open', 'pdf', 'close']);
    expect(pages[0]!.pdf[0]).toMatchObject({ preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    expect(Buffer.from(written[0]!.data).toString('latin1')).toBe('%PDF');
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { svc, opened, written } = service({ choosePdfPath: async () => null });
    expect(await svc.savePdf(windowEvent(OURS), pdfJob())).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(opened).toEqual([]);
    expect(written).toEqual([]);
  });

  it('says so in Chinese when the PDF cannot be made or written', async () => {
    const noPdf = service({ pageOpts: { pdfFails: true } });
    expect(await noPdf.svc.savePdf(windowEvent(OURS), pdfJob())).toMatchObject({ ok: false, error: { kind: 'internal', message: '生成 PDF 失败，请重试。' } });
    expect(noPdf.pages[0]!.closed).toBe(true);
    const noDisk = service({
      writeFile: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(await noDisk.svc.savePdf(windowEvent(OURS), pdfJob())).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('PDF 无法保存到所选位置') } });
  });
});

describe('[stand-in window, printers, dialog, disk] printer list', () => {
  it('is the system’s, named as the system names them', async () => {
    const { svc } = service();
    expect(await svc.printers(windowEvent(OURS))).toEqual({
      ok: true,
      value: [
        { name: 'EPSON LQ-630K', displayName: '爱普生 LQ-630K', description: '针式' },
        { name: 'XP-80C', displayName: 'XP-80C', description: '' },
      ],
    });
  });

  it('says so in Chinese when it cannot be read', async () => {
    const { svc, errors } = service({
      listPrinters: async () => {
        throw new Error('cups');
      },
    });
    expect(await svc.printers(windowEvent(OURS))).toEqual({ ok: false, error: { kind: 'internal', message: '无法读取本机的打印机列表。' } });
    expect(errors).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('builds the print window URL on our origin with the job’s paper and offsets', () => {
    expect(printPageUrl('#/print/test-page', { ...form, paper: 'cont-241-third', offsetXmm: 2, offsetYmm: -1.5 })).toBe(
      `${APP_INDEX_URL}#/print/test-page?paper=cont-241-third&dx=2&dy=-1.5`,
    );
    expect(() => printPageUrl('#/settings', form)).toThrow();
  });

  it('makes file names every system accepts', () => {
    expect(pdfFileName('收据 2026-0001')).toBe('收据 2026-0001.pdf');
    expect(pdfFileName('a<b>c:"d"|e?f*g\\h/i\u0001')).toBe('a_b_c__d__e_f_g_h_i_.pdf');
    expect(pdfFileName('...')).toBe('单据.pdf');
    expect(pdfFileName('报告.PDF')).toBe('报告.pdf');
  });
});
