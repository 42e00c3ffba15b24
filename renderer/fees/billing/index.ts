import type { ReactNode } from 'react';
import type { SettingsTab } from '../../desk-module';
import type { PrintFormDef } from '../../print/registry';
import type { Role } from '../../../shared/roles';

/** A tab of the 收费 desk, beside the counter's own (收银台, 收据, 日结). */
export interface FeesTab {
  key: string;
  label: string;
  /** Who sees it; the server checks the same roles on every command behind it. */
  roles: readonly Role[];
  render: () => ReactNode;
}

/**
 * The billing side of the 收费 desk as the desk module takes it: fee items, the monthly run, meter
 * readings, vacancy, arrears and their reminders, reports, and the fee rules in 设置.
 */
export const FEES_BILLING_TABS: readonly FeesTab[] = [];
export const FEES_BILLING_PRINT_FORMS: readonly PrintFormDef<unknown>[] = [];
export const FEES_BILLING_SETTINGS_TABS: readonly SettingsTab[] = [];
