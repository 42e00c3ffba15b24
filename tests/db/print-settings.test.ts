import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, expectError, valueOf, type TestApp } from '../support/app';
import type { PrintFormSettings, Settings } from '../../shared/contract/settings';
import { PAPERS, PAPER_KEYS, mmToMicrons, mmToPoints } from '../../shared/print';

describe('paper data', () => {
  it('holds the sizes offices print on, in mm, microns and points', () => {
    expect(PAPER_KEYS.length).toBe(8);
    expect(mmToPoints(PAPERS['a4-portrait'].widthMm)).toBeCloseTo(595.28, 1);
    expect(mmToPoints(PAPERS['a4-portrait'].heightMm!)).toBeCloseTo(841.89, 1);
    expect(PAPERS['cont-241-half'].heightMm! * 2).toBeCloseTo(PAPERS['cont-241-full'].heightMm!, 5);
    expect(mmToMicrons(PAPERS['cont-241-third'].heightMm!)).toBe(93100);
    expect(PAPERS['roll-80'].heightMm).toBeNull();
    for (const p of Object.values(PAPERS)) {
      // Margins leave a printable area on every paper.
      expect(p.widthMm - p.marginMm.left - p.marginMm.right).toBeGreaterThan(60);
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
