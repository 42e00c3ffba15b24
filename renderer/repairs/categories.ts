import { DEFAULT_REPAIR_LIMITS, type RepairCategoryDef } from '../../shared/repairs';
import { useCommandResult } from '../components/useCommandResult';

/**
 * The office's 维修类别 (设置 → 维修设置), refreshed when they are saved; the defaults until read.
 * `offered` are those new orders may take, in the office's order (digits 1–9 pick them).
 */
export function useRepairCategories(): { all: readonly RepairCategoryDef[]; offered: readonly RepairCategoryDef[] } {
  const { value } = useCommandResult('settings.get', {}, { refreshOn: ['repairs'] });
  const all = value?.repairLimits.categories ?? DEFAULT_REPAIR_LIMITS.categories;
  return { all, offered: all.filter((c) => c.enabled) };
}
