import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { PAPERS, isPaperKey, mmToPoints, type Paper } from '../../shared/print';
import type { Settings } from '../../shared/contract/settings';
import { dutyListRecord, monthlyRecord } from '../../shared/contract/passes';
import { READY_PROBE } from '../../electron/print-jobs';
import { pdfRequestSchema, printRequestSchema } from '../../shared/print-jobs';
import { test, expect, startServe, type ServeProcess } from './support/server';
import { expectEmbeddedCjkFont, pageSizePt, pdfText, UNMASKED_ID } from './support/pdf';

/**
 * Every registered form on every paper it declares, printed to PDF by Chromium exactly as the
 * print route lays it out, then read back with poppler-utils: page size, an embedded CJK font,
 * and the text (serial, title, 补打, 作废, no unmasked ID number).
 */
test.describe.configure({ mode: 'serial' });

const ADMIN = { displayName: '王管理', login: 'admin', password: 'admin-pass-1' };
/** Named at first-run setup, as a new office does; every print's header must carry it. */
const OFFICE = '绿洲家园物业服务中心';
let context: BrowserContext;
let page: Page;
let dir: string;
let host: ChildProcess | undefined;
let baseURL = '';

async function signInAsAdmin(browser: Browser, serve: ServeProcess) {
  context = await browser.newContext({ baseURL: serve.url });
  page = await context.newPage();
  const session = await page.request.get('/api/session');
  const csrf = ((await session.json()) as { csrf: string }).csrf;
  const res = await page.request.post('/api/auth.setup', {
    headers: { 'x-csrf-token': csrf },
    data: { ...ADMIN, officeName: OFFICE, setupCode: serve.setupCode },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

// Its own host on a fresh database: the worker-scoped `serve` fixture is shared with the other
// spec files (one worker), whose admin may already exist.
test.beforeAll(async ({ browser }) => {
  dir = mkdtempSync(join(tmpdir(), 'qiantai-print-'));
  const started = await startServe(join(dir, 'print.db'));
  host = started.proc;
  baseURL = started.info.url;
  await signInAsAdmin(browser, started.info);
});

test.afterAll(async () => {
  await context?.close();
  if (host && host.exitCode === null) {
    host.kill('SIGTERM');
    await new Promise((r) => host!.once('exit', r));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});


async function openPrint(hash: string) {
  await page.goto(`/${hash}`);
  await page.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 10_000 });
}

async function toPdf(name: string): Promise<{ file: string }> {
  const file = join(dir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return { file };
}

async function api<T>(command: string, input: unknown): Promise<T> {
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrf: string }).csrf;
  const body = (await (await page.request.post(`/api/${command}`, { headers: { 'x-csrf-token': csrf }, data: input })).json()) as {
    ok: boolean;
    value: T;
    error?: unknown;
  };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value;
}

/** What one print shows: which record, and the marks the server must put on it. */
interface Variant {
  serial: string;
  reprint: number;
  voided: boolean;
}

/** A record's form printed this many times before, through the desk's own "printed" command. */
async function printedBefore(form: string, record: string, times: number, command = 'reception.printed') {
  for (let i = 0; i < times; i++) await api(command, { form, record, copies: 1, output: 'printer' });
}

/** Two units of a building of their own: the fees desk's records belong to a unit. Made once. */
let feeUnitsMade: Promise<{ unitId: number; otherUnitId: number }> | null = null;
const feeUnits = () =>
  (feeUnitsMade ??= (async () => {
    const estate = await api<{ id: number }>('estate.saveEstate', { name: '打印测试小区' });
    const building = await api<{ id: number }>('estate.saveBuilding', { estateId: estate.id, code: '9', name: '9栋' });
    const unit = (room: string) => api<{ id: number }>('estate.createUnit', { buildingId: building.id, entrance: '1', room, floor: 1, areaDm2: 8950 });
    return { unitId: (await unit('0101')).id, otherUnitId: (await unit('0102')).id };
  })());
const deposit = (unitId: number) =>
  api<{ id: number; no: string }>('fees.collectDeposit', { unitId, item: '装修保证金', amountFen: 200000, method: 'cash', cashReceivedFen: 200000, payerName: '张三' });
/** A deposit collected and refunded in full: its refund slip. */
async function refund(unitId: number): Promise<{ no: string }> {
  const collected = await deposit(unitId);
  const held = await api<{ rows: { id: number; receiptNo: string }[] }>('fees.deposits', { filters: { unitId, state: 'held' }, pageSize: 200 });
  const depositId = held.rows.find((d) => d.receiptNo === collected.no)!.id;
  return api<{ no: string }>('fees.refundDeposit', { depositId, deductions: [], method: 'cash', payeeName: '张三' });
}
/** A supervisor of this office, to approve a void typed at the admin's screen. Made once. */
let supervisorMade: Promise<{ login: string; password: string }> | null = null;
const supervisorApproval = () =>
  (supervisorMade ??= (async () => {
    const who = { login: 'print_supervisor', password: 'print-super-1' };
    await api('operators.create', { displayName: '打印主管', ...who, roles: ['supervisor'] });
    return who;
  })());

/** Keys of the print test's own units, in the cabinet. */
async function sampleKeys(n: number): Promise<{ id: number; tag: string }[]> {
  const { unitId } = await feeUnits();
  const made = await api<{ keys: { id: number; tag: string }[] }>('keys.register', {
    keys: Array.from({ length: n }, (_, i) => ({ unitId, keyClass: 'vacant', keyCount: 1, cabinet: 'A', hook: String(i + 1) })),
  });
  return made.keys;
}
const logEntry = (content: string) => api<{ id: number; no: string }>('reception.log', { channel: 'call', category: 'complaint', contactName: '李女士', content });

/**
 * For each form that prints a record: made through the API, a record printed for the first time
 * and one printed 3 times before (and voided, where the record can be) — the marks come from the
 * server, never from the URL.
 */
const RECORD_SAMPLES: Record<string, () => Promise<{ plain: Variant; marked: Variant }>> = {
  'work-contact-slip': async () => {
    const plain = await logEntry('地下车库照明不足');
    const marked = await logEntry('地下车库照明不足');
    await printedBefore('work-contact-slip', marked.no, 3);
    await api('reception.void', { id: marked.id, reason: '重复登记' });
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: true } };
  },
  'reception-daily': async () => {
    await api('reception.log', { channel: 'call', category: 'enquiry', contactName: '王女士', content: '缴费时间', answeredNow: '每月 1—10 日' });
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const today = day(Date.now());
    await printedBefore('reception-daily', today, 3);
    return { plain: { serial: day(Date.now() - 86_400_000), reprint: 0, voided: false }, marked: { serial: today, reprint: 3, voided: false } };
  },
  'reception-handover': async () => {
    const plain = await api<{ no: string }>('reception.saveHandover', {});
    const marked = await api<{ no: string }>('reception.saveHandover', {});
    await printedBefore('reception-handover', marked.no, 3);
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: false } };
  },
  'repair-order': async () => {
    const order = { scope: 'public', location: '1栋 大堂', category: 'public_facilities', description: '大堂吸顶灯不亮' };
    const plain = await api<{ id: number; no: string }>('repairs.open', order);
    const marked = await api<{ id: number; no: string }>('repairs.open', order);
    await printedBefore('repair-order', marked.no, 3, 'repairs.printed');
    await api('repairs.void', { id: marked.id, reason: '重复报修' });
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: true } };
  },
  'fee-receipt': async () => {
    const { unitId } = await feeUnits();
    const plain = await deposit(unitId);
    const marked = await deposit(unitId);
    await printedBefore('fee-receipt', marked.no, 3, 'fees.receiptPrinted');
    await api('fees.voidReceipt', { id: marked.id, reason: '收错房屋', approval: await supervisorApproval() });
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: true } };
  },
  'refund-slip': async () => {
    const { unitId } = await feeUnits();
    const [plain, marked] = [await refund(unitId), await refund(unitId)];
    await printedBefore('refund-slip', marked.no, 3, 'fees.receiptPrinted');
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: false } };
  },
  'cashier-close': async () => {
    const { unitId } = await feeUnits();
    await deposit(unitId);
    const plain = await api<{ no: string }>('fees.closeShift', { countedCashFen: 200000, note: '' });
    await deposit(unitId);
    const marked = await api<{ no: string }>('fees.closeShift', { countedCashFen: 200000, note: '' });
    await printedBefore('cashier-close', marked.no, 3, 'fees.closePrinted');
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: false } };
  },
  'fee-reminder': async () => {
    const { unitId, otherUnitId } = await feeUnits();
    for (const id of [unitId, otherUnitId]) await api('fees.charge', { unitId: id, item: '装修垃圾清运费', amountFen: 20000, dueDate: '2026-01-15' });
    await printedBefore('fee-reminder', `U${otherUnitId}`, 3, 'fees.reminderPrinted');
    return { plain: { serial: `U${unitId}`, reprint: 0, voided: false }, marked: { serial: `U${otherUnitId}`, reprint: 3, voided: false } };
  },
  // 钥匙管理 (#14): a label is one tag; loans, issues and audits print by their JY/FF/PD numbers. None is ever voided.
  'key-label': async () => {
    const [plain, marked] = await sampleKeys(2);
    await printedBefore('key-label', marked!.tag, 3, 'keys.printed');
    return { plain: { serial: plain!.tag, reprint: 0, voided: false }, marked: { serial: marked!.tag, reprint: 3, voided: false } };
  },
  'key-loan-slip': async () => {
    const lend = async (keyId: number) =>
      api<{ no: string }>('keys.lend', { keyId, borrowerType: 'other', borrowerName: '王先生', borrowerPhone: '13900001111', purpose: '查看房屋' });
    const [a, b] = await sampleKeys(2);
    const [plain, marked] = [await lend(a!.id), await lend(b!.id)];
    await printedBefore('key-loan-slip', marked.no, 3, 'keys.printed');
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: false } };
  },
  'key-issue-slip': async () => {
    const issue = async (keyId: number) =>
      api<{ no: string }>('keys.issue', { keyId, recipientName: '张三', docType: 'id_card', docTail: '002X', keysCounted: 1, acknowledged: true });
    const [a, b] = await sampleKeys(2);
    const [plain, marked] = [await issue(a!.id), await issue(b!.id)];
    await printedBefore('key-issue-slip', marked.no, 3, 'keys.printed');
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: false } };
  },
  'key-audit': async () => {
    // An audit is finished once something was scanned: one key of the cabinet.
    const [key] = await sampleKeys(1);
    const audit = async () => {
      const { id } = await api<{ id: number }>('keys.startAudit', {});
      await api('keys.auditScan', { auditId: id, tag: key!.tag });
      return api<{ no: string }>('keys.finishAudit', { auditId: id });
    };
    const plain = await audit();
    const marked = await audit();
    await printedBefore('key-audit', marked.no, 3, 'keys.printed');
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: false } };
  },
  // The monthly summary is read fresh each time (no print register of its own): never marked.
  'repairs-summary': async () => {
    const month = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
    return { plain: { serial: month(Date.now() - 40 * 86_400_000), reprint: 0, voided: false }, marked: { serial: month(Date.now()), reprint: 0, voided: false } };
  },
  'goods-pass': async () => {
    const { unitId } = await feeUnits();
    const apply = () =>
      api<{ id: number; no: string }>('passes.apply', {
        unitId,
        applicant: { type: 'owner', name: '张三', phone: '', idTail: '002X' },
        type: 'moving',
        items: [
          { name: '沙发', quantity: 1, unit: '套' },
          { name: '纸箱', quantity: 12, unit: '个' },
        ],
        plannedAt: new Date().toISOString(),
        plate: '粤B12345',
        driverName: '李师傅',
        driverIdTail: '1234',
      });
    const [plain, marked] = [await apply(), await apply()];
    await printedBefore('goods-pass', marked.no, 3, 'passes.printed');
    await api('passes.void', { id: marked.id, reason: '业主取消搬家' });
    return { plain: { serial: plain.no, reprint: 0, voided: false }, marked: { serial: marked.no, reprint: 3, voided: true } };
  },
  // The duty list is printed by its office day, the monthly report by its month; their print-log keys are FXRB…/FXYB….
  'pass-duty-list': async () => {
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const today = day(Date.now());
    await printedBefore('pass-duty-list', dutyListRecord(today), 3, 'passes.dutyListPrinted');
    return { plain: { serial: day(Date.now() - 86_400_000), reprint: 0, voided: false }, marked: { serial: today, reprint: 3, voided: false } };
  },
  'pass-monthly': async () => {
    const month = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
    const thisMonth = month(Date.now());
    await printedBefore('pass-monthly', monthlyRecord(thisMonth), 3, 'passes.printed');
    return { plain: { serial: month(Date.now() - 40 * 86_400_000), reprint: 0, voided: false }, marked: { serial: thisMonth, reprint: 3, voided: false } };
  },
};

async function registeredForms(): Promise<{ key: string; title: string; papers: Paper[]; needsRecord: boolean }[]> {
  await page.goto('/#/print/no-such-form');
  const items = page.getByTestId('print-form-list').locator('li');
  await expect(items.first()).toBeVisible();
  const out = [];
  for (const li of await items.all()) {
    const key = (await li.getAttribute('data-key'))!;
    const papers = (await li.getAttribute('data-papers'))!.split(' ');
    for (const p of papers) expect(isPaperKey(p), p).toBe(true);
    out.push({
      key,
      title: (await li.textContent())!.trim(),
      papers: papers.map((p) => PAPERS[p as keyof typeof PAPERS]),
      needsRecord: (await li.getAttribute('data-needs-record')) === '1',
    });
  }
  return out;
}

test('the test page is registered, and an unknown form says so', async () => {
  const forms = await registeredForms();
  expect(forms.map((f) => f.key)).toContain('test-page');
  await expect(page.getByText('没有这种单据')).toBeVisible();
});

test('every registered form prints to PDF on each of its papers: size, embedded CJK font, masked text', async () => {
  test.setTimeout(240_000);
  const forms = await registeredForms();
  const { officeName } = await api<Settings>('settings.get', {});
  expect(officeName).not.toBe('物业管理处');
  let n = 0;
  for (const form of forms) {
    let samples: { plain: Variant; marked: Variant } | null = null;
    if (form.needsRecord) {
      // A form that prints a record loads it by serial: a made-up one finds nothing and says so in
      // Chinese; a real record (made through the API) prints and goes through every check below.
      await page.goto(`/#/print/${form.key}?serial=NO-SUCH-0001`);
      const ready = page.locator('[data-testid="print-preview"][data-print-ready="1"]');
      const error = page.getByTestId('print-error');
      await ready.or(error).first().waitFor({ state: 'attached', timeout: 10_000 });
      if (await error.count()) await expect(error).toContainText(/[\u4e00-\u9fff]/);
      const sample = RECORD_SAMPLES[form.key];
      expect(sample, `${form.key} prints a record: add a sample record for it to RECORD_SAMPLES`).toBeDefined();
      samples = await sample!();
    }
    for (const paper of form.papers) {
      let plain = { reprint: 0, voided: 0 };
      // A form without a record (the test page) has no marks to show: asked for some in the URL, it shows none.
      const variants = samples ? [samples.plain, samples.marked] : [0, 1].map((i) => ({ serial: `P${String(n + 1).padStart(4, '0')}-${paper.key.toUpperCase()}-${i}`, reprint: 0, voided: false }));
      for (const [i, variant] of variants.entries()) {
        const serial = variant.serial;
        n++;
        const tampered = i === 1 ? '&reprint=0&voided=0' : '&reprint=3&voided=1';
        await openPrint(`#/print/${form.key}?paper=${paper.key}&serial=${serial}${tampered}`);
        const { file } = await toPdf(`${form.key}-${paper.key}-${i}`);
        const what = `${form.key} on ${paper.key} ${JSON.stringify(variant)}`;

        const size = pageSizePt(file);
        expect(size.pages, what).toBe(1);
        expect(Math.abs(size.w - mmToPoints(paper.widthMm)), `${what} width ${size.w}`).toBeLessThanOrEqual(1);
        if (paper.heightMm !== null) {
          expect(Math.abs(size.h - mmToPoints(paper.heightMm)), `${what} height ${size.h}`).toBeLessThanOrEqual(1);
        } else {
          // A roll is as long as its content: more than the header, far less than a sheet.
          expect(size.h, what).toBeGreaterThan(mmToPoints(40));
          expect(size.h, what).toBeLessThan(mmToPoints(297));
        }
        expectEmbeddedCjkFont(file);

        const text = pdfText(file);
        const flat = text.replace(/\s+/g, '');
        expect(text, what).toContain(serial);
        expect(flat, what).toContain(form.title.replace(/\s+/g, ''));
        expect(flat, `${what}: the office's own name`).toContain(officeName.replace(/\s+/g, ''));
        expect(text, what).not.toMatch(UNMASKED_ID);
        // A report may hold the words itself (a 作废 column): the marks are what the variant adds.
        const marks = { reprint: (flat.match(/补打/g) ?? []).length, voided: (flat.match(/作废/g) ?? []).length };
        if (i === 0) plain = marks;
        if (i === 0 || variant.reprint === 0) expect(marks.reprint, what).toBe(plain.reprint);
        else {
          expect(marks.reprint, what).toBeGreaterThan(plain.reprint);
          expect(flat, what).toContain(`第${variant.reprint}次`);
        }
        // The marks as the page shows them (a report's own 作废 column differs from day to day)…
        await expect(page.getByTestId('print-void-stamp'), what).toHaveCount(variant.voided ? 1 : 0);
        await expect(page.getByTestId('print-reprint'), what).toHaveCount(variant.reprint > 0 ? 1 : 0);
        // …and on paper.
        if (variant.voided) {
          expect(marks.voided, what).toBeGreaterThan(plain.voided);
          expect(flat, what).toContain('已作废');
        }
        if (form.key === 'test-page') expect(marks, what).toEqual({ reprint: 0, voided: 0 });
        if (form.key === 'test-page') {
          expect(flat, what).toContain('110105********002X');
          expect(flat, what).not.toContain('11010519900101002X');
        }
      }
    }
  }
  expect(n).toBeGreaterThanOrEqual(16);
});

// How fast it renders is measured by `npm run bench` (tests/bench/pdf.ts, target p99 ≤ 500 ms), not
// here: a test's verdict must not depend on how busy the machine is.
test('an 80 mm receipt-sized form renders to PDF again and again: one page, 80 mm wide, its own serial each time', async () => {
  test.setTimeout(120_000);
  for (let i = 1; i <= 5; i++) {
    const serial = `ROLL-${String(i).padStart(4, '0')}`;
    await openPrint(`#/print/test-page?paper=roll-80&serial=${serial}`);
    const { file } = await toPdf(`roll-${i}`);
    const size = pageSizePt(file);
    expect(size.pages, serial).toBe(1);
    expect(Math.abs(size.w - mmToPoints(80)), `${serial} width ${size.w}`).toBeLessThanOrEqual(1);
    expect(pdfText(file), serial).toContain(serial);
  }
});

test('the test page’s ruler reads like a ruler: 0, 10, 20… from its left end, which the caption places from the paper edge', async () => {
  for (const paper of [PAPERS['a4-portrait'], PAPERS['roll-80']]) {
    await openPrint(`#/print/test-page?paper=${paper.key}&serial=RULER-0001`);
    const labels = await page.locator('[data-testid="print-ruler"] .print-ruler-label').allTextContents();
    const inner = paper.widthMm - paper.marginMm.left - paper.marginMm.right;
    expect(labels, paper.key).toEqual(Array.from({ length: Math.floor((inner - 0.5) / 10) + 1 }, (_, i) => String(i * 10)));
    await expect(page.getByTestId('print-preview')).toContainText(`距纸张左边 ${paper.marginMm.left} mm`);
  }
});

test('Settings → 打印 stores paper and offset per form; the test page button and the form then print on it', async () => {
  await page.goto('/#/settings/print');
  const card = page.getByTestId('print-settings-test-page');
  await expect(card).toBeVisible();
  await card.getByLabel('纸张').click();
  // antd's listbox for screen readers holds only the active option; the visible items carry a title.
  await page.locator('.ant-select-item-option[title="241 mm 连续纸（三等分 241×93.1）"]').click();
  await card.getByLabel('水平偏移（mm）').fill('2');
  await card.getByLabel('垂直偏移（mm）').fill('-1.5');
  await card.getByLabel('打印机').fill('EPSON LQ-630K');
  await card.getByRole('button', { name: '保存' }).click();
  // Saved when the server says so (a 2-second toast is no proof on a busy machine).
  await expect
    .poll(async () => (await api<Settings>('settings.get', {})).printForms['test-page'])
    .toEqual({ paper: 'cont-241-third', copies: 1, printer: 'EPSON LQ-630K', offsetXmm: 2, offsetYmm: -1.5 });

  await card.getByRole('button', { name: '打印测试页' }).click();
  await page.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached' });
  await expect(page.getByTestId('print-preview')).toContainText('偏移 X 2 mm，Y -1.5 mm');
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();

  // Opened with no paper in the URL, the form prints on the paper saved for it.
  await openPrint('#/print/test-page?serial=SAVED-0001');
  const { file } = await toPdf('saved-paper');
  const size = pageSizePt(file);
  expect(Math.abs(size.w - mmToPoints(241))).toBeLessThanOrEqual(1);
  expect(Math.abs(size.h - mmToPoints(93.1))).toBeLessThanOrEqual(1);
  expect(pdfText(file)).toContain('SAVED-0001');
});

test('the desktop print window’s readiness probe reads the real page: ready, roll height, unknown form', async () => {
  await openPrint('#/print/test-page?paper=roll-80&serial=PROBE-0001');
  const roll = (await page.evaluate(READY_PROBE)) as { state: string; rollMm: number | null };
  expect(roll.state).toBe('ready');
  expect(roll.rollMm).toBeGreaterThan(40);
  // The height handed to webContents.print is the one the page's own @page uses.
  const { file } = await toPdf('probe-roll');
  expect(Math.abs(pageSizePt(file).h - mmToPoints(Math.ceil(roll.rollMm!)))).toBeLessThanOrEqual(1);

  await openPrint('#/print/test-page?paper=a4-portrait&serial=PROBE-0002');
  expect(await page.evaluate(READY_PROBE)).toEqual({ state: 'ready', rollMm: null });

  await page.goto('/#/print/no-such-form');
  await expect(page.getByTestId('print-form-list')).toBeVisible();
  expect(await page.evaluate(READY_PROBE)).toEqual({ state: 'unknown-form' });

  // A record form with no such record: the print window reports the page's own message.
  const recordForm = (await registeredForms()).find((f) => f.needsRecord);
  if (recordForm) {
    await page.goto(`/#/print/${recordForm.key}?serial=NO-SUCH-0002`);
    await expect(page.getByTestId('print-error')).toBeVisible();
    const probe = (await page.evaluate(READY_PROBE)) as { state: string; message: string };
    expect(probe.state).toBe('error');
    expect(probe.message).toMatch(/[\u4e00-\u9fff]/);
  }
});

/** A real PNG drawn by the browser itself (the logo must decode, not only pass the type check). */
async function pngLogo(): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 96;
    c.height = 48;
    const g = c.getContext('2d')!;
    g.fillStyle = '#1565c0';
    g.fillRect(0, 0, 96, 48);
    g.fillStyle = '#fff';
    g.fillRect(12, 12, 72, 24);
    return c.toDataURL('image/png');
  });
  return Buffer.from(url.split(',')[1]!, 'base64');
}

/** The raster images in a PDF as "width×height" (pdfimages -list). */
const pdfImages = (file: string) =>
  execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).slice(3, 5).join('×'));

test('Settings → 系统设置 takes a PNG logo (refusing other files in Chinese); the form header prints it; removing it takes it off', async () => {
  const png = await pngLogo();
  await page.goto('/#/settings/system');
  const logoInput = page.locator('input[type="file"]');
  await expect(page.getByRole('button', { name: '选择图片' })).toBeVisible();

  await logoInput.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(page.getByText('只能使用 PNG 或 JPEG 图片')).toBeVisible();
  await logoInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([png, Buffer.alloc(210 * 1024)]) });
  await expect(page.getByText('图片不能大于 200 KB，请先缩小后再选择')).toBeVisible();
  await expect(page.getByTestId('office-logo-preview')).toHaveCount(0);

  await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('office-logo-preview')).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => (await api<Settings>('settings.get', {})).officeLogo).toBe(`data:image/png;base64,${png.toString('base64')}`);

  await openPrint('#/print/test-page?paper=roll-80&serial=LOGO-0001');
  const logo = page.getByTestId('print-logo');
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  const withLogo = await toPdf('logo-roll');
  // The logo, embedded as drawn — and nothing else (no leftover of the settings page).
  expect(pdfImages(withLogo.file)).toEqual(['96×48']);
  expect(pdfText(withLogo.file)).toContain('LOGO-0001');

  await page.goto('/#/settings/system');
  await page.getByRole('button', { name: '删除标志' }).click();
  await expect(page.getByTestId('office-logo-preview')).toHaveCount(0);
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => (await api<Settings>('settings.get', {})).officeLogo).toBe('');
  await openPrint('#/print/test-page?paper=roll-80&serial=LOGO-0002');
  await expect(page.getByTestId('print-logo')).toHaveCount(0);
  expect(pdfImages((await toPdf('no-logo-roll')).file)).toEqual([]);
});

test('Settings → 系统设置 renames the office: the header and the printed forms carry the new name', async () => {
  const renamed = '绿洲家园物业服务中心（二期）';
  await page.goto('/#/settings/system');
  const name = page.getByRole('textbox', { name: '管理处名称' });
  await expect(name).toHaveValue(await api<Settings>('settings.get', {}).then((v) => v.officeName));
  await name.fill(renamed);
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => (await api<Settings>('settings.get', {})).officeName).toBe(renamed);
  await expect(page.getByTestId('office-name')).toHaveText(renamed);

  await openPrint('#/print/test-page?paper=a5-portrait&serial=NAME-0001');
  const text = pdfText((await toPdf('renamed-office')).file).replace(/\s+/g, '');
  expect(text).toContain(renamed.replace(/\s+/g, ''));
  expect(text).not.toContain('物业管理处');
});

test('browser mode keeps the browser’s print dialog: no desktop buttons', async () => {
  await openPrint('#/print/test-page?serial=BROWSER-0001');
  await expect(page.getByRole('button', { name: '打印', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: '另存为 PDF' })).toHaveCount(0);
  await page.goto('/#/settings/print');
  await expect(page.getByTestId('print-settings-test-page').getByLabel('打印机')).toBeEditable();
});

test('stand-in desktop bridge (Chromium, not Electron): the print buttons use the printers it lists and send jobs main’s own schemas accept', async ({ browser }) => {
  // A STAND-IN: what the preload would expose, recording instead of printing; commands still go
  // over HTTP. It checks the renderer's side of the bridge only. The real checks beside it:
  // tests/electron/print-jobs.test.ts and print.test.ts run main's print handlers on these very
  // requests, and tests/e2e/electron.spec.ts drives the real Electron app where its binary exists.
  const desk = await browser.newContext({ baseURL });
  await desk.addInitScript(() => {
    const jobs: unknown[] = [];
    (window as unknown as { __jobs: unknown[] }).__jobs = jobs;
    (window as unknown as { qiantai: unknown }).qiantai = {
      print: async (request: { form: { printer: string; copies: number } }) => {
        jobs.push(['print', request]);
        return { ok: true, value: { status: 'printed', printer: request.form.printer || null, copies: request.form.copies } };
      },
      savePdf: async (request: unknown) => {
        jobs.push(['pdf', request]);
        return { ok: true, value: { status: 'saved', path: 'D:\\单据\\测试.pdf' } };
      },
      printers: async () => ({
        ok: true,
        value: [
          { name: 'XP-80C', displayName: 'XP-80C 小票机', description: '' },
          { name: 'EPSON LQ-630K', displayName: 'EPSON LQ-630K', description: '' },
        ],
      }),
    };
  });
  const p = await desk.newPage();
  try {
    const session = await p.request.get('/api/session');
    const csrf = ((await session.json()) as { csrf: string }).csrf;
    const login = await p.request.post('/api/auth.login', { headers: { 'x-csrf-token': csrf }, data: { login: ADMIN.login, password: ADMIN.password } });
    expect(((await login.json()) as { ok: boolean }).ok).toBe(true);

    await p.goto('/#/settings/print');
    const card = p.getByTestId('print-settings-test-page');
    await card.getByLabel('纸张').click();
    await p.locator('.ant-select-item-option[title="80 mm 小票"]').click();
    await card.getByLabel('打印机').click();
    await p.locator('.ant-select-item-option[title="XP-80C 小票机（XP-80C）"]').click();
    await card.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await api<Settings>('settings.get', {})).printForms['test-page']).toMatchObject({ paper: 'roll-80', printer: 'XP-80C' });

    await p.goto('/#/print/test-page?serial=DESK-0001');
    await p.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 10_000 });
    await expect(p.getByTestId('print-preview')).toContainText('打印机：XP-80C');
    // What reached the bridge is the state to check (the toasts saying so last two seconds).
    const jobs = async () => (await p.evaluate(() => (window as unknown as { __jobs: unknown[] }).__jobs)) as [string, Record<string, unknown>][];
    await p.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(async () => (await jobs()).length).toBe(1);
    await p.getByRole('button', { name: '选择打印机…' }).click();
    await expect.poll(async () => (await jobs()).length).toBe(2);
    await p.getByRole('button', { name: '另存为 PDF' }).click();
    await expect.poll(async () => (await jobs()).map(([kind, r]) => [kind, r.silent])).toEqual([
      ['print', true],
      ['print', false],
      ['pdf', undefined],
    ]);
    // The renderer and the main process agree on the request: main's own schemas accept each one.
    const sent = await jobs();
    const silentJob = printRequestSchema.parse(sent[0]![1]);
    expect(silentJob).toMatchObject({ formKey: 'test-page', form: { paper: 'roll-80', printer: 'XP-80C', copies: 1 }, silent: true });
    expect(new URLSearchParams(silentJob.hash.split('?')[1]).get('serial')).toBe('DESK-0001');
    expect(silentJob.rollHeightMm).toBeGreaterThan(40);
    printRequestSchema.parse(sent[1]![1]);
    expect(pdfRequestSchema.parse(sent[2]![1]).fileName).toBe('打印测试页-DESK-0001');

    // "每次打印时选择": no printer saved, and 打印 then means the dialog.
    await p.goto('/#/settings/print');
    await card.getByLabel('打印机').click();
    await p.locator('.ant-select-item-option[title="每次打印时选择"]').click();
    await card.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await api<Settings>('settings.get', {})).printForms['test-page']?.printer).toBe('');
    await p.goto('/#/print/test-page?serial=DESK-0002');
    await p.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 10_000 });
    await expect(p.getByTestId('print-preview')).toContainText('打印机：每次选择');
    await expect(p.getByRole('button', { name: '选择打印机…' })).toHaveCount(0);
  } finally {
    await desk.close();
  }
});

/*
 * Print from the record (#11 §2): a form's number, 补打 count and 作废 mark come from the server,
 * whatever the URL says; a print counts when it was printed, not when the preview opened; the
 * handover prints a stored snapshot that a reprint shows unchanged.
 */
const printCount = async (id: number) => (await api<{ printCount: number }>('reception.get', { id })).printCount;
const preview = () => page.locator('[data-testid="print-preview"][data-print-ready="1"]');

/** The entry's page, then its 打印工作联系单 button: the slip's preview, laid out. */
async function openSlipFromEntry(id: number) {
  await page.goto(`/#/reception/entry/${id}`);
  await page.getByTestId('entry-detail').getByRole('button', { name: '打印工作联系单' }).click();
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
}

test('a tampered hash (reprint=0&voided=0) still prints 补打 and 作废 on a voided, printed entry', async () => {
  const entry = await logEntry('登记错误的投诉');
  await api('reception.void', { id: entry.id, reason: '重复登记' });
  await openSlipFromEntry(entry.id);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect.poll(() => printCount(entry.id)).toBe(1);

  await openPrint(`#/print/work-contact-slip?serial=${entry.no}&reprint=0&voided=0`);
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
  await expect(page.getByTestId('print-void-stamp')).toBeVisible();
  await expect(page.getByTestId('print-void')).toBeVisible();

  // …and a made-up count on a record never voided or printed adds nothing.
  const fresh = await logEntry('楼上漏水');
  await openPrint(`#/print/work-contact-slip?serial=${fresh.no}&reprint=7&voided=1`);
  await expect(page.getByTestId('print-preview')).toContainText(fresh.no);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await expect(page.getByTestId('print-void-stamp')).toHaveCount(0);
  await expect(page.getByTestId('print-void')).toHaveCount(0);
});

test('opening the preview and closing it prints nothing and counts nothing; each print counts once', async () => {
  const entry = await logEntry('小区广场夜间噪音');
  await openSlipFromEntry(entry.id);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('entry-detail')).toBeVisible();
  await openSlipFromEntry(entry.id);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  expect(await printCount(entry.id)).toBe(0);

  await page.getByRole('button', { name: '打印', exact: true }).click();
  // Printed once: the preview now shows what the next copy is — a 补打.
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
  expect(await printCount(entry.id)).toBe(1);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 2 次）');
  expect(await printCount(entry.id)).toBe(2);
});

test('the handover prints a stored snapshot under its own number; its reprint shows the same content after the entry is closed', async () => {
  const entry = await logEntry('电梯异响');
  await page.goto('/#/reception/handover');
  await expect(page.getByTestId('handover').getByRole('table', { name: '未办结事项（按时限）' })).toContainText(entry.no);
  await page.getByTestId('handover').getByRole('button', { name: '打印', exact: true }).click();
  await expect(page).toHaveURL(/#\/print\/reception-handover\?serial=JJ\d{11}$/);
  const no = decodeURIComponent(page.url()).match(/JJ\d{11}/)![0];
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('print-preview')).toContainText(entry.no);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');

  await api('reception.close', { id: entry.id, result: '已联系电梯公司检修' });
  await page.goto('/#/reception/handover');
  const handover = page.getByTestId('handover');
  await expect(handover.getByRole('table', { name: '未办结事项（按时限）' })).not.toContainText(entry.no);
  const past = handover.getByRole('table', { name: '已打印的交班表' }).getByRole('row', { name: new RegExp(no) });
  await expect(past).toContainText('1 次');
  await past.getByRole('button', { name: '补打' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/reception-handover\\?serial=${no}$`));
  await preview().waitFor({ state: 'attached', timeout: 15_000 });
  await expect(page.getByTestId('print-preview')).toContainText(entry.no);
  await expect(page.getByTestId('print-preview')).toContainText(no);
  await expect(page.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
});

test('desktop (stand-in bridge): a job counts when the bridge reports it printed or the PDF saved, not when cancelled', async ({ browser }) => {
  // A STAND-IN for the preload, as in the stand-in test above: it answers as main's print handlers do
  // (tests/electron/print-jobs.test.ts runs those) — first cancelled, then printed, then a PDF saved.
  const desk = await browser.newContext({ baseURL });
  await desk.addInitScript(() => {
    const answers = [{ status: 'cancelled' }, { status: 'printed', printer: 'XP-80C', copies: 2 }];
    (window as unknown as { qiantai: unknown }).qiantai = {
      print: async () => ({ ok: true, value: answers.shift() ?? { status: 'cancelled' } }),
      savePdf: async () => ({ ok: true, value: { status: 'saved', path: 'D:\\单据\\联系单.pdf' } }),
      printers: async () => ({ ok: true, value: [] }),
    };
  });
  const p = await desk.newPage();
  try {
    const csrf = ((await (await p.request.get('/api/session')).json()) as { csrf: string }).csrf;
    const login = await p.request.post('/api/auth.login', { headers: { 'x-csrf-token': csrf }, data: { login: ADMIN.login, password: ADMIN.password } });
    expect(((await login.json()) as { ok: boolean }).ok).toBe(true);
    const entry = await logEntry('车库闸机故障');
    await p.goto(`/#/print/work-contact-slip?serial=${entry.no}`);
    await p.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });

    await p.getByRole('button', { name: '打印', exact: true }).click();
    await expect(p.getByRole('button', { name: '打印', exact: true })).toBeEnabled();
    expect(await printCount(entry.id)).toBe(0);
    await p.getByRole('button', { name: '打印', exact: true }).click();
    await expect(p.getByTestId('print-reprint')).toHaveText('补打（第 1 次）');
    await p.getByRole('button', { name: '另存为 PDF' }).click();
    await expect(p.getByTestId('print-reprint')).toHaveText('补打（第 2 次）');
    expect(await printCount(entry.id)).toBe(2);
  } finally {
    await desk.close();
  }
});
