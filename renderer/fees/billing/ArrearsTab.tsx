import { useMemo, useState } from 'react';
import { Button, InputNumber, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { ColumnDef } from '@tanstack/react-table';
import type { ArrearsRow } from '../../../shared/contract/fees-billing';
import { formatYuan } from '../../../shared/money';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ExportExcelButton } from '../../components/ExportExcelButton';
import { sortableFields, useCommandList } from '../../components/useCommandList';
import { useCommandResult } from '../../components/useCommandResult';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { REMINDER_FORM, reminderRecord } from './print/forms';
import { BuildingSelect, useBuildings } from './parts';
import { S } from './strings';

const SORTABLE = sortableFields('fees.arrears');

/**
 * 欠费: units with overdue bills, by building, with months and amount (sortable), exported as
 * the screen shows it, and the 催缴通知单 printed for one unit or for every unit of a building.
 */
export function ArrearsTab() {
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const [minMonths, setMinMonths] = useState<number | null>(null);
  const filters = { ...(buildingId ? { buildingId } : {}), ...(minMonths ? { minMonths } : {}) };
  const list = useCommandList('fees.arrears', filters, { sort: { field: 'amount', desc: true } });
  const openPrint = useOpenPrint();
  const buildings = useBuildings();
  const building = buildings.find((b) => b.id === buildingId);
  const columns = useMemo<ColumnDef<ArrearsRow, unknown>[]>(
    () => [
      { id: 'unitCode', header: S.colUnit, cell: ({ row }) => row.original.unitCode },
      { id: 'building', header: S.colBuilding, cell: ({ row }) => row.original.buildingName },
      { id: 'months', header: S.colArrearsMonths, cell: ({ row }) => row.original.months },
      { id: 'amount', header: S.colAmount, cell: ({ row }) => formatYuan(row.original.amountFen) },
      { id: 'bills', header: S.colBills, cell: ({ row }) => row.original.bills },
      { id: 'since', header: S.colSince, cell: ({ row }) => row.original.since },
      {
        id: 'print',
        header: S.actions,
        cell: ({ row }) => (
          <Button size="small" icon={<PrinterOutlined aria-hidden />} aria-label={`${S.printReminder} ${row.original.unitCode}`} onClick={() => openPrint(printHash(REMINDER_FORM, { serial: reminderRecord.unit(row.original.unitId) }))}>
            {S.printReminder}
          </Button>
        ),
      },
    ],
    [openPrint],
  );
  // The grand total over every page (ArrearsPage.totalFen); the table's list keeps rows and count only.
  const totalFen = useCommandResult('fees.arrears', { page: 1, pageSize: 1, filters }).value?.totalFen;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <BuildingSelect allowAll aria-label={S.colBuilding} value={buildingId} onChange={setBuildingId} />
        <InputNumber<number> aria-label={S.minMonths} placeholder={S.minMonths} min={1} max={1200} precision={0} value={minMonths} onChange={(v) => setMinMonths(v ?? null)} style={{ width: 140 }} />
        <ExportExcelButton run={() => call('fees.exportArrears', { filters })} />
        {building && (
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(REMINDER_FORM, { serial: reminderRecord.building(building.id) }))}>
            {S.printBuildingReminders(building.label)}
          </Button>
        )}
        {totalFen !== undefined && <Typography.Text data-testid="arrears-total">{S.arrearsTotal(list.total, formatYuan(totalFen))}</Typography.Text>}
      </Space>
      <DataTable<ArrearsRow> label={S.arrearsTable} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.unitId} />
    </div>
  );
}
