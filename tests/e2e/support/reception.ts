import { expect, type Locator, type Page } from '@playwright/test';

/** 作废 on an entry's page with the reason 重复登记; the page then shows it voided. */
export async function voidEntry(page: Page, detail: Locator) {
  await detail.getByRole('button', { name: '作废' }).click();
  const voiding = page.getByRole('dialog', { name: '作废登记' });
  await voiding.getByRole('textbox', { name: '作废原因' }).fill('重复登记');
  await voiding.getByRole('button', { name: '作废' }).click();
  await expect(voiding).toBeHidden();
  await expect(detail.getByText('已作废').first()).toBeVisible();
}
