/** Print options built from paper data; the Electron binary is not needed (nor run) here. */
import { describe, expect, it } from 'vitest';
import { pdfOptions, printOptions } from '../../electron/print';
import type { PrintFormSettings } from '../../shared/contract/settings';

const form = (over: Partial<PrintFormSettings> = {}): PrintFormSettings => ({ paper: 'a4-portrait', copies: 1, printer: '', offsetXmm: 0, offsetYmm: 0, ...over });

describe('printOptions', () => {
  it('passes the page size in microns and no margins of its own, whatever the printer default', () => {
    expect(printOptions({ form: form(), silent: false })).toMatchObject({ pageSize: { width: 210000, height: 297000 }, margins: { marginType: 'none' }, landscape: false });
    expect(printOptions({ form: form({ paper: 'a5-landscape' }), silent: false }).pageSize).toEqual({ width: 210000, height: 148000 });
    expect(printOptions({ form: form({ paper: 'cont-241-third' }), silent: false }).pageSize).toEqual({ width: 241000, height: 93100 });
    expect(printOptions({ form: form({ paper: 'cont-241-half' }), silent: false }).pageSize).toEqual({ width: 241000, height: 139700 });
  });

  it('gives a roll the measured content height, bounded', () => {
    expect(printOptions({ form: form({ paper: 'roll-80' }), rollHeightMm: 123.4, silent: false }).pageSize).toEqual({ width: 80000, height: 124000 });
    expect(printOptions({ form: form({ paper: 'roll-80' }), rollHeightMm: 99999, silent: false }).pageSize).toEqual({ width: 80000, height: 1000000 });
    expect(printOptions({ form: form({ paper: 'roll-80' }), rollHeightMm: 1, silent: false }).pageSize).toEqual({ width: 80000, height: 20000 });
  });

  it('prints silently only to a named printer, with the form copies', () => {
    const named = printOptions({ form: form({ printer: ' EPSON LQ-630K ', copies: 2 }), silent: true });
    expect(named).toMatchObject({ silent: true, deviceName: 'EPSON LQ-630K', copies: 2 });
    const unnamed = printOptions({ form: form(), silent: true });
    expect(unnamed.silent).toBe(false);
    expect(unnamed).not.toHaveProperty('deviceName');
  });
});

describe('pdfOptions', () => {
  it('uses the CSS page size, with the paper size in inches as the fallback and zero margins', () => {
    const o = pdfOptions({ paper: 'a4-portrait' });
    expect(o.preferCSSPageSize).toBe(true);
    expect(o.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    const size = o.pageSize as { width: number; height: number };
    expect(size.width).toBeCloseTo(8.2677, 3);
    expect(size.height).toBeCloseTo(11.6929, 3);
  });
});
