import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { dayText } from '../dates';

/** A list's 日期 filter: office days from–to ("YYYY-MM-DD", what the list commands take); cleared, both go. */
export function DateRangeFilter(props: { label: string; from?: string; to?: string; onChange(range: { from?: string; to?: string }): void }) {
  const range: [Dayjs, Dayjs] | null = props.from && props.to ? [dayjs(props.from), dayjs(props.to)] : null;
  return (
    <DatePicker.RangePicker
      aria-label={props.label}
      value={range}
      onChange={(v) => props.onChange({ from: dayText(v?.[0]) ?? undefined, to: dayText(v?.[1]) ?? undefined })}
      style={{ width: 240 }}
    />
  );
}
