import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

/** Reading printed PDFs back with poppler-utils: what every print check in the e2e specs relies on. */
export const poppler = (tool: string, file: string) => execFileSync(tool, [file], { encoding: 'utf8' });

export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\f/g, '');

/** 18-character ID numbers (the last may be X) standing alone: none may print unmasked. */
export const UNMASKED_ID = /(?<![0-9Xx*])[1-9]\d{16}[\dXx](?![0-9Xx])/;

export function pageSizePt(file: string): { w: number; h: number; pages: number } {
  const info = poppler('pdfinfo', file);
  const m = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
  expect(m, info).not.toBeNull();
  return { w: Number(m![1]), h: Number(m![2]), pages };
}

/**
 * The bundled web font (Noto Sans SC) is embedded, not a system CJK font an office PC may lack:
 * that is what keeps printers from showing empty boxes.
 */
export function expectEmbeddedCjkFont(file: string): void {
  const fonts = poppler('pdffonts', file);
  // name type encoding emb sub uni object ID
  const cjk = fonts.split('\n').filter((l) => /NotoSansSC/i.test(l));
  expect(cjk.length, fonts).toBeGreaterThan(0);
  for (const line of cjk) expect(line.split(/\s+/).slice(-5)[0], line).toBe('yes');
}

/** The print preview of a form, opened and ready to print, and its record's number from the address. */
export async function printedRecord(page: Page, form: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`#/print/${form}\\?`));
  await page.locator('[data-testid="print-preview"][data-print-ready="1"]').waitFor({ state: 'attached', timeout: 15_000 });
  return new URL(page.url().replace('#/', '')).searchParams.get('serial') ?? '';
}
