import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Input, Menu, Select, Space, theme } from 'antd';
import { ExportOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { EstateView, UnitRow } from '../../shared/contract/estate';
import { formatAreaDm2, UNIT_STATES, UNIT_STATE_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS, type UnitState, type UnitType } from '../../shared/estate';
import { DataTable } from '../components/DataTable';
import { sortableFields, useCommandList } from '../components/useCommandList';
import { BuildingFormModal } from './BuildingFormModal';
import type { UnitFilters } from './unitFilters';
import { ExportModal } from './ExportModal';
import { UnitFormModal } from './UnitFormModal';
import { useEstateRights } from './roles';
import { estateHash, go } from './route';
import { UnitStateTag } from './tags';
import { S } from './strings';

const col = createColumnHelper<UnitRow>();

/** The server reads the typed text as the start of a code ("3号楼2单元" → 3-2-…), see unitCodePrefix. */
const unitSearchText = (text: string) => text.trim() || undefined;
const SORTABLE = sortableFields('estate.units');
type Dialog = 'building' | 'unit' | 'export' | null;

/** The estate's buildings on the left, the filtered unit list on the right. */
export function UnitList(props: { estates: EstateView[]; filters: UnitFilters; onFilters(f: UnitFilters): void }) {
  const { estates, filters, onFilters } = props;
  const { token } = theme.useToken();
  const rights = useEstateRights();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [search, setSearch] = useState(filters.search ?? '');
  const list = useCommandList('estate.units', filters, { sort: { field: 'code', desc: false }, pageSize: 100 });

  // The 房号 box filters as the operator types, a moment after the last key.
  useEffect(() => {
    const value = unitSearchText(search);
    if (value === filters.search) return;
    const timer = window.setTimeout(() => onFilters({ ...filters, search: value }), 250);
    return () => window.clearTimeout(timer);
  }, [search, filters, onFilters]);

  const allBuildings = useMemo(() => estates.flatMap((e) => e.buildings), [estates]);
  const building = allBuildings.find((b) => b.id === filters.buildingId);
  const shownBuildings = filters.estateId ? allBuildings.filter((b) => b.estateId === filters.estateId) : allBuildings;
  const many = estates.length > 1;

  const selectBuilding = (buildingId: number | undefined) => {
    const b = allBuildings.find((x) => x.id === buildingId);
    onFilters({ ...filters, buildingId, estateId: b ? b.estateId : filters.estateId, entrance: undefined });
  };

  const menuKey = filters.buildingId ? `b:${filters.buildingId}` : filters.estateId ? `e:${filters.estateId}` : many ? 'all' : `e:${estates[0]!.id}`;
  const totalUnits = allBuildings.reduce((n, b) => n + b.unitCount, 0);
  const estateItems = estates.map((e) => ({
    key: `g:${e.id}`,
    type: 'group' as const,
    label: e.name,
    children: [
      { key: `e:${e.id}`, label: `${S.allBuildings}（${S.unitsCount(e.buildings.reduce((n, b) => n + b.unitCount, 0))}）` },
      ...e.buildings.map((b) => ({
        key: `b:${b.id}`,
        label: (
          <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>{b.name || b.code}</span>
            <span style={{ color: token.colorTextSecondary }}>{S.unitsCount(b.unitCount)}</span>
          </span>
        ),
      })),
    ],
  }));
  const menuItems = many ? [{ key: 'all', label: `${S.allEstates}（${S.unitsCount(totalUnits)}）` }, ...estateItems] : estateItems;

  const onMenu = (key: string) => {
    const [kind, id] = key.split(':');
    if (kind === 'all') onFilters({ ...filters, estateId: undefined, buildingId: undefined, entrance: undefined });
    if (kind === 'e') onFilters({ ...filters, estateId: Number(id), buildingId: undefined, entrance: undefined });
    if (kind === 'b') selectBuilding(Number(id));
  };

  const columns = useMemo(
    () => [
      col.accessor('code', { header: S.colCode, size: 120, cell: (c) => <strong>{c.getValue()}</strong> }),
      col.accessor('buildingName', { header: S.colBuilding, size: 100 }),
      col.accessor('floor', { header: S.colFloor, size: 70, cell: (c) => c.getValue() ?? '' }),
      col.accessor('areaDm2', { header: S.colArea, size: 110, cell: (c) => formatAreaDm2(c.getValue()) }),
      col.accessor('type', { header: S.colType, size: 80, cell: (c) => UNIT_TYPE_LABELS[c.getValue()] }),
      col.accessor('state', { header: S.colState, size: 90, cell: (c) => <UnitStateTag state={c.getValue()} /> }),
      col.accessor('owners', { header: S.colOwners, size: 200 }),
    ],
    [],
  );


  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card size="small" style={{ width: 220, flex: '0 0 220px' }} styles={{ body: { padding: 4 } }}>
        <nav aria-label={S.estatesLabel}>
          <Menu
            mode="inline"
            selectedKeys={[menuKey]}
            items={menuItems}
            onClick={(e) => onMenu(e.key)}
            style={{ borderInlineEnd: 0, maxHeight: 'calc(100vh - 200px)', overflowY: 'auto' }}
          />
        </nav>
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={S.allBuildingsPh}
            aria-label={S.buildingFilter}
            value={filters.buildingId}
            onChange={selectBuilding}
            options={shownBuildings.map((b) => ({ value: b.id, label: b.name || b.code }))}
            style={{ width: 130 }}
          />
          <Select<string>
            allowClear
            placeholder={S.allEntrances}
            aria-label={S.entranceFilter}
            disabled={!building || building.entrances.length === 0}
            value={filters.entrance}
            onChange={(entrance) => onFilters({ ...filters, entrance })}
            options={(building?.entrances ?? []).map((e) => ({ value: e, label: S.entranceOption(e) }))}
            style={{ width: 110 }}
          />
          <Select<UnitState>
            allowClear
            placeholder={S.allStates}
            aria-label={S.stateFilter}
            value={filters.state}
            onChange={(state) => onFilters({ ...filters, state })}
            options={UNIT_STATES.map((s) => ({ value: s, label: UNIT_STATE_LABELS[s] }))}
            style={{ width: 110 }}
          />
          <Select<UnitType>
            allowClear
            placeholder={S.allTypes}
            aria-label={S.typeFilter}
            value={filters.type}
            onChange={(type) => onFilters({ ...filters, type })}
            options={UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))}
            style={{ width: 110 }}
          />
          <Input.Search
            allowClear
            aria-label={S.searchUnit}
            placeholder={S.searchUnitPh}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => onFilters({ ...filters, search: unitSearchText(v) })}
            style={{ width: 240 }}
          />
          {rights.edit && (
            <>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('building')}>
                {S.newBuilding}
              </Button>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('unit')}>
                {S.newUnit}
              </Button>
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => go(estateHash.import)}>
                {S.import}
              </Button>
              <Button icon={<ExportOutlined aria-hidden />} onClick={() => setDialog('export')}>
                {S.export}
              </Button>
            </>
          )}
        </Space>
        <DataTable
          label={S.unitsTable}
          columns={columns}
          list={list}
          sortable={SORTABLE}
          rowKey={(u) => u.id}
          onOpen={(u) => go(estateHash.unit(u.id))}
        />
      </div>
      {dialog === 'building' && <BuildingFormModal estates={estates} estateId={filters.estateId} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />}
      {dialog === 'unit' && (
        <UnitFormModal
          estates={estates}
          unit={null}
          buildingId={filters.buildingId}
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setDialog(null);
            go(estateHash.unit(id));
          }}
        />
      )}
      {dialog === 'export' && <ExportModal estates={estates} filters={filters} onClose={() => setDialog(null)} />}
    </div>
  );
}
