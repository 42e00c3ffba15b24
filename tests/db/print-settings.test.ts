import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, valueOf, ADMIN, type TestApp } from '../support/app';
import { BODY_LIMIT_BYTES, startHttpHost } from '../../db/http/host';
import { OFFICE_LOGO_MAX_BYTES, type PrintFormSettings, type Settings } from '../../shared/contract/settings';
import { PAPERS, PAPER_KEYS, mmToMicrons, mmToPoints } from '../../shared/print';

describe('paper data', () => {
  it('holds the sizes offices print on, in mm, microns and points', () => {
    expect(PAPER_KEYS.length).toBe(11);
    // Key tags: 40×30 mm labels, one per page, in microns for Electron's pageSize.
    expect([mmToMicrons(PAPERS['label-40x30'].widthMm), mmToMicrons(PAPERS['label-40x30'].heightMm!)]).toEqual([40000, 30000]);
    expect(mmToPoints(PAPERS['a4-portrait'].widthMm)).toBeCloseTo(595.28, 1);
    expect(mmToPoints(PAPERS['a4-portrait'].heightMm!)).toBeCloseTo(841.89, 1);
    expect(PAPERS['cont-241-half'].heightMm! * 2).toBeCloseTo(PAPERS['cont-241-full'].heightMm!, 5);
    expect(mmToMicrons(PAPERS['cont-241-third'].heightMm!)).toBe(93100);
    expect(PAPERS['roll-80'].heightMm).toBeNull();
    for (const p of Object.values(PAPERS)) {
      // Margins leave a printable area on every paper (labels are small by nature).
      expect(p.widthMm - p.marginMm.left - p.marginMm.right).toBeGreaterThan(p.key.startsWith('label-') ? 30 : 60);
    }
  });
});

describe('print settings per form', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterEach(() => t.close());

  it('starts empty, stores paper, copies, printer and offsets per form, and keeps the other settings', async () => {
    expect(valueOf<Settings>(await t.run(admin, 'settings.get')).printForms).toEqual({});
    const entry: PrintFormSettings = { paper: 'a5-landscape', copies: 2, printer: 'EPSON LQ-630K', offsetXmm: 1.5, offsetYmm: -2 };
    valueOf(await t.run(admin, 'settings.update', { printForms: { 'test-page': entry } }));
    const after = valueOf<Settings>(await t.run(admin, 'settings.get'));
    expect(after.printForms).toEqual({ 'test-page': entry });
    expect(after.officeName).toBe('物业管理处');
  });

  it('refuses unknown papers, out-of-range copies and offsets, long printer names and bad keys', async () => {
    const ok = { paper: 'a4-portrait', copies: 1, printer: '', offsetXmm: 0, offsetYmm: 0 };
    // Deliberately wrong values: typed loosely, the server must refuse them.
    const bad: any[] = [
      { 'test-page': { ...ok, paper: 'letter' } },
      { 'test-page': { ...ok, copies: 0 } },
      { 'test-page': { ...ok, copies: 10 } },
      { 'test-page': { ...ok, offsetXmm: 21 } },
      { 'test-page': { ...ok, offsetYmm: -21 } },
      { 'test-page': { ...ok, printer: 'x'.repeat(121) } },
      { 'test-page': { ...ok, extra: 1 } },
      { 'Test Page': ok },
    ];
    for (const printForms of bad) {
      expect(expectError(await t.run(admin, 'settings.update', { printForms })).kind, JSON.stringify(printForms)).toBe('validation');
    }
    expect(valueOf<Settings>(await t.run(admin, 'settings.get')).printForms).toEqual({});
  });

  it('a stored print entry that no longer validates falls back alone, not the office name', async () => {
    valueOf(await t.run(admin, 'settings.update', { officeName: '阳光花园物业管理处' }));
    t.app.connection.sqlite
      .prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('printForms', '{\"test-page\":{\"paper\":\"b5\"}}', 'x')")
      .run();
    const s = valueOf<Settings>(await t.run(admin, 'settings.get'));
    expect(s.printForms).toEqual({});
    expect(s.officeName).toBe('阳光花园物业管理处');
  });
});

/** A file of `size` bytes that starts like a real PNG / JPEG / GIF (the rest is filler). */
function imageBytes(kind: 'png' | 'jpeg' | 'gif', size: number): Buffer {
  const magic = {
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    gif: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  }[kind];
  const buf = Buffer.alloc(size, 0x5a);
  Buffer.from(magic).copy(buf);
  return buf;
}
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
/** A real 1×1 PNG. */
const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('office logo', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterEach(() => t.close());

  const stored = () => t.app.connection.sqlite.prepare("SELECT value_json FROM settings WHERE key = 'officeLogo'").get() as { value_json: string } | undefined;
  const audits = () => (t.app.connection.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it('starts empty, stores a PNG or JPEG data URL up to the limit, and is removed with an empty string', async () => {
    expect(valueOf<Settings>(await t.run(admin, 'settings.get')).officeLogo).toBe('');
    valueOf(await t.run(admin, 'settings.update', { officeLogo: TINY_PNG }));
    expect(valueOf<Settings>(await t.run(admin, 'settings.get')).officeLogo).toBe(TINY_PNG);

    const largest = dataUrl('image/jpeg', imageBytes('jpeg', OFFICE_LOGO_MAX_BYTES));
    const after = valueOf<Settings>(await t.run(admin, 'settings.update', { officeLogo: largest }));
    expect(after.officeLogo === largest).toBe(true);
    expect(after.officeName).toBe('物业管理处');

    valueOf(await t.run(admin, 'settings.update', { officeLogo: '' }));
    expect(valueOf<Settings>(await t.run(admin, 'settings.get')).officeLogo).toBe('');
  });

  it('refuses other image types, mislabelled or broken files and anything over the limit, in Chinese, writing nothing', async () => {
    const before = audits();
    const refused: [string, string, RegExp][] = [
      ['GIF', dataUrl('image/gif', imageBytes('gif', 100)), /PNG 或 JPEG/],
      ['SVG', `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`, /PNG 或 JPEG/],
      ['a web address', 'https://example.com/logo.png', /PNG 或 JPEG/],
      ['a GIF labelled PNG', dataUrl('image/png', imageBytes('gif', 100)), /PNG 或 JPEG/],
      ['a PNG labelled JPEG', dataUrl('image/jpeg', imageBytes('png', 100)), /PNG 或 JPEG/],
      ['not base64', 'data:image/png;base64,iVBORw0KGgo<script>', /不完整/],
      ['one byte too many', dataUrl('image/png', imageBytes('png', OFFICE_LOGO_MAX_BYTES + 1)), /不能大于 200 KB/],
      ['far too large', dataUrl('image/png', imageBytes('png', 3 * OFFICE_LOGO_MAX_BYTES)), /不能大于 200 KB/],
    ];
    for (const [what, officeLogo, message] of refused) {
      const error = expectError(await t.run(admin, 'settings.update', { officeLogo }));
      expect(error.kind, what).toBe('validation');
      expect(error.fields?.officeLogo, what).toMatch(message);
    }
    expect(stored()).toBeUndefined();
    expect(audits()).toBe(before);
    expect(valueOf<Settings>(await t.run(admin, 'settings.get')).officeLogo).toBe('');
  });

  it('audits only what changed, and a logo as its size and digest, not its 270 KB of text', async () => {
    const largest = dataUrl('image/jpeg', imageBytes('jpeg', OFFICE_LOGO_MAX_BYTES));
    valueOf(await t.run(admin, 'settings.update', { officeLogo: largest, officeName: '物业管理处' }));
    const row = t.app.connection.sqlite.prepare("SELECT before_json, after_json FROM audit_log WHERE command = 'settings.update' ORDER BY id DESC").get() as {
      before_json: string;
      after_json: string;
    };
    expect(JSON.parse(row.before_json)).toEqual({ officeLogo: '（无）' });
    expect(JSON.parse(row.after_json)).toEqual({ officeLogo: expect.stringMatching(/^image\/jpeg，\d+ 字符，sha256 [0-9a-f]{16}$/) });
    expect(row.after_json.length).toBeLessThan(200);
  });

  it('is for admins to change', async () => {
    const cashier = await t.operatorWith(['cashier']);
    expect(expectError(await t.run(cashier, 'settings.update', { officeLogo: TINY_PNG })).kind).toBe('forbidden');
    expect(stored()).toBeUndefined();
  });

  it('fits through the browser-mode host together with the other settings (request cap)', async () => {
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>物业前台</title>');
    const host = await startHttpHost({ dispatcher: t.app.dispatcher, rendererDir, port: 0 });
    try {
      const post = (path: string, headers: Record<string, string>, body?: string) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: host.port, method: body === undefined ? 'GET' : 'POST', path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          });
          req.on('error', reject);
          if (body !== undefined) req.write(body);
          req.end();
        });
      const session = await post('/api/session', {});
      let cookie = String((session.headers['set-cookie'] as string[])[0]).split(';')[0]!;
      let csrf = (JSON.parse(session.body) as { csrf: string }).csrf;
      const call = async (name: string, input: unknown) => {
        const r = await post(`/api/${name}`, { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, origin: `http://127.0.0.1:${host.port}` }, JSON.stringify(input));
        const set = r.headers['set-cookie'] as string[] | undefined;
        if (set) cookie = String(set[0]).split(';')[0]!;
        if (typeof r.headers['x-csrf-token'] === 'string') csrf = r.headers['x-csrf-token'];
        return r;
      };
      expect(JSON.parse((await call('auth.login', { login: ADMIN.login, password: ADMIN.password })).body).ok).toBe(true);

      const largest = dataUrl('image/png', imageBytes('png', OFFICE_LOGO_MAX_BYTES));
      const body = { officeName: '阳光花园物业管理处', lockMinutes: 15, officeLogo: largest };
      // The point of the test: this body is over the host's default cap.
      expect(JSON.stringify(body).length).toBeGreaterThan(BODY_LIMIT_BYTES);
      const saved = await call('settings.update', body);
      expect(saved.status).toBe(200);
      const reply = JSON.parse(saved.body) as { ok: boolean; error?: unknown; value?: Settings };
      expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
      expect(reply.value?.officeName).toBe('阳光花园物业管理处');
      // Compared as a boolean: a failing diff of two 270 KB strings helps nobody.
      expect(reply.value?.officeLogo === largest).toBe(true);

      // …while the command's own cap still stops a runaway body.
      const huge = await call('settings.update', { officeLogo: 'x'.repeat(600 * 1024) });
      expect(huge.status).toBe(413);
    } finally {
      await host.close();
    }
  });
});
