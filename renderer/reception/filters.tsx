import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { dayText } from '../dates';
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
  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  return (
    <>
      <DatePicker.RangePicker
        aria-label={S.filterDates}
        value={range}
        onChange={(v) => set({ from: dayText(v?.[0]) ?? undefined, to: dayText(v?.[1]) ?? undefined })}
        style={{ width: 240 }}
      />
      <UnitPicker aria-label={S.filterUnit} value={filters.unitId ?? null} onChange={(unitId) => set({ unitId: unitId ?? undefined })} style={{ width: 150 }} />
    </>
  );
}

// Shared with the other desks' filter bars.
export { LabelFilter } from '../components/LabelFilter';
