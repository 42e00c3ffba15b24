import { Select } from 'antd';
import { useCommandResult } from '../../components/useCommandResult';
import { S } from '../strings';

/** Every building of the office ("3栋"), to pick whose vacant units get keys. */
export function BuildingSelect(props: { value: number | null; onChange(id: number | null): void }) {
  const { value } = useCommandResult('estate.overview', {});
  const buildings = (value ?? []).flatMap((e) => e.buildings.map((b) => ({ value: b.id, label: b.name || `${b.code}栋` })));
  return (
    <Select<number>
      aria-label={S.registerBuilding}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={S.registerPickBuilding}
      style={{ minWidth: 160 }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange(v ?? null)}
      options={buildings}
    />
  );
}
