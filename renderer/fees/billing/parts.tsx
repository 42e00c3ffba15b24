import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { hundredthsText } from '../../../shared/fees';
import { parseYuan } from '../../../shared/money';
import { addMonths, officeTodayText } from '../../dates';
import { useCommandResult } from '../../components/useCommandResult';
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

/** Every building of the office, for the filters and the assignment form: "3栋（1号楼）". */
export function useBuildings() {
  const { value } = useCommandResult('estate.overview', {});
  return (value ?? []).flatMap((e) => e.buildings.map((b) => ({ id: b.id, label: b.name || `${b.code}栋`, entrances: b.entrances })));
}

export function BuildingSelect(props: { id?: string; value?: number | null; onChange?(id: number | null): void; allowAll?: boolean; 'aria-label'?: string }) {
  const buildings = useBuildings();
  return (
    <Select<number>
      id={props.id}
      aria-label={props['aria-label'] ?? S.readingsBuilding}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={props.allowAll}
      placeholder={props.allowAll ? S.allBuildings : S.pickBuilding}
      style={{ minWidth: 160 }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={buildings.map((b) => ({ value: b.id, label: b.label }))}
    />
  );
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
