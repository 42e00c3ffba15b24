import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { hundredthsText } from '../../../shared/fees';
import { parseYuan } from '../../../shared/money';
import { addMonths, officeTodayText } from '../../dates';
import { BuildingSelect as AnyBuilding } from '../../components/pickers/BuildingSelect';
import { S } from './strings';

/** The office's current month, 'YYYY-MM'. */
export const thisMonth = () => officeTodayText().slice(0, 7);
export const shiftMonth = (month: string, months: number) => addMonths(month, months);

/** A month box ('YYYY-MM' in, 'YYYY-MM' out): the run, readings, vacancy and reports pick months. */
export function MonthPicker(props: { id?: string; value?: string | null; onChange?(month: string | null): void; 'aria-label'?: string; allowClear?: boolean }) {
  return (
    <DatePicker
      id={props.id}
      picker="month"
      aria-label={props['aria-label']}
      allowClear={props.allowClear ?? false}
      value={props.value ? dayjs(`${props.value}-01`) : null}
      onChange={(d) => props.onChange?.(d ? d.format('YYYY-MM') : null)}
    />
  );
}

export { useBuildings } from '../../components/pickers/BuildingSelect';

/** The fees screens' building box: "all buildings" where it filters, "pick one" where it is asked for. */
export function BuildingSelect(props: { id?: string; value?: number | null; onChange?(id: number | null): void; allowAll?: boolean; 'aria-label'?: string }) {
  return <AnyBuilding {...props} aria-label={props['aria-label'] ?? S.readingsBuilding} placeholder={props.allowAll ? S.allBuildings : S.pickBuilding} />;
}

/**
 * Meter readings and thresholds are integers in hundredths (0.01 t, 0.01 kWh), typed like an
 * amount: digits with at most two decimals, full-width or with commas — what parseYuan reads into
 * hundredths ("1234.5" → 123450). Null when the text does not read.
 */
export function hundredthsOf(text: string): number | null {
  const reading = parseYuan(text);
  return reading.ok ? reading.fen : null;
}

export const hundredths = (value: number | null | undefined) => (value === null || value === undefined ? S.none : hundredthsText(value));
