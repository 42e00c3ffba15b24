import { DateRangeFilter } from '../components/DateRangeFilter';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { S } from './strings';

interface DatesAndUnit {
  from?: string;
  to?: string;
  unitId?: number;
}

/** The 日期 range and 房屋 filters of the reception lists (entries, visitors), side by side in their filter bar. */
export function DatesAndUnitFilters(props: { filters: DatesAndUnit; set(patch: DatesAndUnit): void }) {
  const { filters, set } = props;
  return (
    <>
      <DateRangeFilter label={S.filterDates} from={filters.from} to={filters.to} onChange={set} />
      <UnitPicker aria-label={S.filterUnit} value={filters.unitId ?? null} onChange={(unitId) => set({ unitId: unitId ?? undefined })} style={{ width: 150 }} />
    </>
  );
}

// Shared with the other desks' filter bars.
export { LabelFilter } from '../components/LabelFilter';
