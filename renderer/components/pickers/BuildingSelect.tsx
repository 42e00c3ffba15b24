import { Select } from 'antd';
import { useCommandResult } from '../useCommandResult';

/** Every building of the office, for filters and forms: "3栋", or the building's own name ("1号楼"). */
export function useBuildings() {
  const { value } = useCommandResult('estate.overview', {});
  return (value ?? []).flatMap((e) => e.buildings.map((b) => ({ id: b.id, label: b.name || `${b.code}栋`, entrances: b.entrances })));
}

/** A building picked by name, typed to narrow; `allowAll` lets it be cleared (every building). */
export function BuildingSelect(props: { id?: string; value?: number | null; onChange?(id: number | null): void; allowAll?: boolean; 'aria-label': string; placeholder: string }) {
  const buildings = useBuildings();
  return (
    <Select<number>
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={props.allowAll}
      placeholder={props.placeholder}
      style={{ minWidth: 160 }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={buildings.map((b) => ({ value: b.id, label: b.label }))}
    />
  );
}
