import type { Page } from '@playwright/test';

/**
 * A keyboard-wedge scanner's burst — the code's keys and Enter — delivered in one go inside the
 * page, to whatever has the focus. scanner.spec types it through the real keyboard; the desks'
 * specs use this so a loaded CI machine, slow to acknowledge each typed key, cannot stretch the
 * burst past the scanner's 50 ms gap and turn it into "typing" (it lost a receipt's first letter).
 */
export async function scanBurst(page: Page, code: string): Promise<void> {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const key of keys) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, [...code, 'Enter']);
}
