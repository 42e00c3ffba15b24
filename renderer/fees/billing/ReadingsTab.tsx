import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, App, Button, Input, Select, Space, Table, Typography, Upload, type InputRef } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ReadingRow } from '../../../shared/contract/fees-billing';
import type { UnitRow } from '../../../shared/contract/estate';
import { METERS, METER_LABELS, type Meter } from '../../../shared/fees';
import type { CommandError } from '../../../shared/result';
import { call } from '../../api/client';
import { useNotify } from '../../components/notify';
import { downloadBase64, readAsBase64 } from '../../estate/download';
import { BuildingSelect, hundredths, hundredthsOf, MonthPicker, thisMonth, useBuildings } from './parts';
import { S } from './strings';

interface GridRow {
  unit: UnitRow;
  /** The latest reading before the month, per meter. */
  last: Record<Meter, ReadingRow | null>;
  /** The month's own reading, per meter, once taken. */
  current: Record<Meter, ReadingRow | null>;
}

/**
 * A jump the server asks to confirm (shared/fees.ts checkReading 'jump'), as opposed to a refusal:
 * fees.recordReading puts it on `confirmJump`; the import's row report names the 确认用量异常 box.
 */
function asksToConfirmJump(error: CommandError): boolean {
  return 'confirmJump' in (error.fields ?? {}) || error.message.includes('确认用量异常');
}

/** The unit's readings around the month: its own and the latest before it, per meter. */
async function unitReadings(unit: UnitRow, month: string): Promise<GridRow> {
  const result = await call('fees.readings', { page: 1, pageSize: 8, sort: { field: 'month', desc: true }, filters: { unitId: unit.id } });
  const rows = result.ok ? result.value.rows : [];
  const pick = (test: (r: ReadingRow) => boolean) => Object.fromEntries(METERS.map((m) => [m, rows.find((r) => r.meter === m && test(r)) ?? null])) as Record<Meter, ReadingRow | null>;
  return { unit, current: pick((r) => r.month === month), last: pick((r) => r.month < month) };
}

/**
 * 抄表: a building (and entrance) at a time, one row per unit, water and electricity side by side
 * with the last reading; Enter saves the box and moves down the column, so a round of meters is
 * typed without the mouse. A jump asks to confirm; a month already read asks why it is corrected.
 * Or the month from an .xlsx file, all or nothing, with the rows that failed listed.
 */
export function ReadingsTab() {
  const [month, setMonth] = useState(thisMonth);
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const [entrance, setEntrance] = useState<string | null>(null);
  const buildings = useBuildings();
  const entrances = buildings.find((b) => b.id === buildingId)?.entrances ?? [];
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <MonthPicker aria-label={S.month} value={month} onChange={(m) => m && setMonth(m)} />
        <BuildingSelect
          aria-label={S.readingsBuilding}
          value={buildingId}
          onChange={(id) => {
            setBuildingId(id);
            setEntrance(null);
          }}
        />
        {entrances.length > 1 && (
          <Select<string>
            aria-label={S.readingsEntrance}
            allowClear
            placeholder={S.allEntrances}
            style={{ minWidth: 120 }}
            value={entrance ?? undefined}
            onChange={(e) => setEntrance(e ?? null)}
            options={entrances.map((e) => ({ value: e, label: `${e}单元` }))}
          />
        )}
      </Space>
      <ReadingsImport month={month} />
      <Typography.Paragraph type="secondary">{S.readingsHint}</Typography.Paragraph>
      {buildingId !== null && <ReadingsGrid key={`${month}-${buildingId}-${entrance ?? ''}`} month={month} buildingId={buildingId} entrance={entrance} />}
    </div>
  );
}

function ReadingsGrid(props: { month: string; buildingId: number; entrance: string | null }) {
  const { month } = props;
  const notify = useNotify();
  const { modal } = App.useApp();
  const [rows, setRows] = useState<GridRow[] | null>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const inputs = useRef(new Map<string, InputRef>());
  const cellKey = (index: number, meter: Meter) => `${index}-${meter}`;

  useEffect(() => {
    let live = true;
    void (async () => {
      const units = await call('estate.units', {
        page: 1,
        pageSize: 200,
        sort: { field: 'code', desc: false },
        filters: { buildingId: props.buildingId, ...(props.entrance ? { entrance: props.entrance } : {}) },
      });
      if (!units.ok) {
        notify.error(units.error);
        return;
      }
      // A few at a time: one building is a few hundred units at most.
      const out: GridRow[] = [];
      for (let i = 0; i < units.value.rows.length; i += 8) out.push(...(await Promise.all(units.value.rows.slice(i, i + 8).map((u) => unitReadings(u, month)))));
      if (live) setRows(out);
    })();
    return () => {
      live = false;
    };
  }, [props.buildingId, props.entrance, month, notify]);

  /**
   * A question before saving (a jump, a correction): true once saved. It answers only after the
   * dialog has gone, so the grid's next box takes the cursor rather than the closing dialog.
   */
  const askFirst = (ask: { title: string; content: ReactNode; okText: string }, saveIt: () => Promise<boolean>) =>
    new Promise<boolean>((resolve) => {
      let saved = false;
      modal.confirm({
        ...ask,
        focusTriggerAfterClose: false,
        onOk: async () => {
          saved = await saveIt();
        },
        afterClose: () => resolve(saved),
      });
    });

  const moveDown = (index: number, meter: Meter) => inputs.current.get(cellKey(index + 1, meter))?.focus();

  const save = async (index: number, meter: Meter, reading: number, extra: { confirmJump?: boolean; correctionReason?: string } = {}): Promise<boolean> => {
    const row = rows![index]!;
    const result = await call('fees.recordReading', { unitId: row.unit.id, meter, month, reading, confirmJump: extra.confirmJump ?? false, correctionReason: extra.correctionReason ?? '' });
    if (result.ok) {
      setRows((all) => all && all.map((r, i) => (i === index ? { ...r, current: { ...r.current, [meter]: result.value } } : r)));
      setTyped((t) => ({ ...t, [cellKey(index, meter)]: '' }));
      return true;
    }
    if (!extra.confirmJump && asksToConfirmJump(result.error)) {
      return askFirst({ title: S.jumpTitle, content: result.error.message, okText: S.jumpOk }, () => save(index, meter, reading, { ...extra, confirmJump: true }));
    }
    notify.error(result.error);
    return false;
  };

  const askCorrection = (index: number, meter: Meter, reading: number) => {
    let reason = '';
    return askFirst(
      {
        title: S.correctionTitle(rows![index]!.unit.code, METER_LABELS[meter]),
        content: <Input autoFocus aria-label={S.correctionReason} placeholder={S.correctionReason} maxLength={200} onChange={(e) => (reason = e.target.value)} />,
        okText: S.correctionOk,
      },
      () => save(index, meter, reading, { correctionReason: reason }),
    );
  };

  const onEnter = async (e: KeyboardEvent<HTMLInputElement>, index: number, meter: Meter) => {
    e.preventDefault();
    const text = typed[cellKey(index, meter)] ?? '';
    if (!text.trim()) return moveDown(index, meter);
    const reading = hundredthsOf(text);
    if (reading === null) return notify.error({ kind: 'validation', message: S.readingBad });
    const current = rows![index]!.current[meter];
    if (current?.reading === reading) return moveDown(index, meter);
    const saved = current ? await askCorrection(index, meter, reading) : await save(index, meter, reading);
    if (saved) moveDown(index, meter);
  };

  return (
    <Table<GridRow>
      size="small"
      bordered
      aria-label={S.readingsTable}
      data-testid="readings-grid"
      rowKey={(r) => r.unit.id}
      loading={!rows}
      pagination={false}
      dataSource={rows ?? []}
      columns={[
        { key: 'unit', title: S.colUnit, render: (_, r) => r.unit.code },
        ...METERS.flatMap((meter) => [
          { key: `${meter}-last`, title: S.colLast(METER_LABELS[meter]), align: 'right' as const, render: (_: unknown, r: GridRow) => hundredths(r.last[meter]?.reading) },
          {
            key: `${meter}-this`,
            title: S.colThis(METER_LABELS[meter]),
            render: (_: unknown, r: GridRow, index: number) => (
              <Input
                ref={(el) => {
                  if (el) inputs.current.set(cellKey(index, meter), el);
                  else inputs.current.delete(cellKey(index, meter));
                }}
                aria-label={S.readingLabel(r.unit.code, METER_LABELS[meter])}
                inputMode="decimal"
                autoComplete="off"
                style={{ width: 120 }}
                placeholder={r.current[meter] ? hundredths(r.current[meter].reading) : ''}
                value={typed[cellKey(index, meter)] ?? ''}
                onChange={(e) => setTyped((t) => ({ ...t, [cellKey(index, meter)]: e.target.value }))}
                onPressEnter={(e) => void onEnter(e, index, meter)}
              />
            ),
          },
          { key: `${meter}-usage`, title: `${METER_LABELS[meter]}${S.colUsage}`, align: 'right' as const, render: (_: unknown, r: GridRow) => hundredths(r.current[meter]?.usage) },
        ]),
      ]}
    />
  );
}

/** The month's readings from .xlsx: the template, the file, and on failure every row's problem (nothing imported). */
function ReadingsImport(props: { month: string }) {
  const notify = useNotify();
  const [failure, setFailure] = useState<{ error: CommandError; file: { name: string; base64: string } } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: { name: string; base64: string }, confirmJump: boolean) => {
    setBusy(true);
    const result = await call('fees.importReadings', { month: props.month, fileName: file.name, contentBase64: file.base64, confirmJump });
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      notify.success(S.imported(result.value.month, result.value.imported));
    } else setFailure({ error: result.error, file });
  };
  const pick = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setFailure({ error: { kind: 'validation', message: S.importWrongType }, file: { name: file.name, base64: '' } });
      return;
    }
    await send({ name: file.name, base64: await readAsBase64(file) }, false);
  };
  const template = async () => {
    const result = await call('fees.readingsTemplate', {});
    if (result.ok) downloadBase64(result.value.fileName, result.value.contentBase64);
    else notify.error(result.error);
  };
  const problems = failure ? Object.entries(failure.error.fields ?? {}) : [];
  return (
    <div style={{ marginBottom: 12 }}>
      <Space wrap>
        <Typography.Text strong>{S.importTitle}</Typography.Text>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void template()}>
          {S.downloadTemplate}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={busy}>
            {S.chooseFile}
          </Button>
        </Upload>
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          data-testid="readings-import-problems"
          title={S.importFailed}
          description={
            <>
              <div>{failure.error.message}</div>
              {problems.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {problems.map(([where, message]) => (
                    <li key={where}>{`${where}：${message}`}</li>
                  ))}
                </ul>
              )}
              {failure.file.base64 && asksToConfirmJump(failure.error) && (
                <Button size="small" style={{ marginTop: 8 }} onClick={() => void send(failure.file, true)}>
                  {S.importConfirmJump}
                </Button>
              )}
            </>
          }
        />
      )}
    </div>
  );
}
