import { createElement, type ReactNode } from 'react';
import type { SettingsTab } from '../../desk-module';
import type { PrintFormDef } from '../../print/registry';
import type { Role } from '../../../shared/roles';
import { FEES_ROLES } from '../../../shared/fees';
import { ArrearsTab } from './ArrearsTab';
import { FeeRulesTab } from './FeeRulesTab';
import { ItemsTab } from './ItemsTab';
import { ReadingsTab } from './ReadingsTab';
import { ReportsTab } from './ReportsTab';
import { RunTab } from './RunTab';
import { VacancyTab } from './VacancyTab';
import { FEES_BILLING_FORMS } from './print/forms';
import { S } from './strings';

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
export const FEES_BILLING_TABS: readonly FeesTab[] = [
  { key: 'items', label: S.tabItems, roles: FEES_ROLES, render: () => createElement(ItemsTab) },
  { key: 'run', label: S.tabRun, roles: FEES_ROLES, render: () => createElement(RunTab) },
  { key: 'readings', label: S.tabReadings, roles: FEES_ROLES, render: () => createElement(ReadingsTab) },
  { key: 'vacancy', label: S.tabVacancy, roles: FEES_ROLES, render: () => createElement(VacancyTab) },
  { key: 'arrears', label: S.tabArrears, roles: FEES_ROLES, render: () => createElement(ArrearsTab) },
  { key: 'reports', label: S.tabReports, roles: FEES_ROLES, render: () => createElement(ReportsTab) },
];
export const FEES_BILLING_PRINT_FORMS: readonly PrintFormDef<unknown>[] = FEES_BILLING_FORMS;
export const FEES_BILLING_SETTINGS_TABS: readonly SettingsTab[] = [{ key: 'feeRules', label: S.rulesTab, roles: FEES_ROLES, render: () => createElement(FeeRulesTab) }];
