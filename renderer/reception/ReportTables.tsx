import { Table, Typography } from 'antd';
import type { EntryRow, VisitorView } from '../../shared/contract/reception';
import { officeDateTime } from '../dates';
import { CHANNEL_LABELS } from '../../shared/reception';
import { call } from '../api/client';
import { ExportExcelButton } from '../components/ExportExcelButton';
import { go, receptionHash } from './route';
import { CategoryTag, EntryStateTag, TimeText } from './tags';
import { S } from './strings';

/** The entries of a report (a day, the open ones at handover): small, unpaged, click to open. */
export function ReportEntriesTable(props: { label: string; rows: EntryRow[]; empty?: string }) {
  return (
    <Table<EntryRow>
      size="small"
      aria-label={props.label}
      rowKey="id"
      pagination={false}
      dataSource={props.rows}
      locale={props.empty ? { emptyText: props.empty } : undefined}
      // A voided entry stays listed (with its 已作废 tag) but greyed: it is in no figure.
      onRow={(r) => ({ onDoubleClick: () => go(receptionHash.entry(r.id)), style: { cursor: 'pointer', opacity: r.state === 'voided' ? 0.55 : undefined } })}
      columns={[
        { title: S.colNo, dataIndex: 'no', width: 140, render: (no: string, r) => <a href={receptionHash.entry(r.id)}>{no}</a> },
        { title: S.colReceivedAt, dataIndex: 'receivedAt', width: 140, render: (at: string) => officeDateTime(at) },
        { title: S.colChannel, dataIndex: 'channel', width: 80, render: (c: EntryRow['channel']) => CHANNEL_LABELS[c] },
        { title: S.colUnit, dataIndex: 'unitCode', width: 100 },
        { title: S.colContact, dataIndex: 'contactName', width: 90 },
        { title: S.colCategory, dataIndex: 'category', width: 110, render: (_: unknown, r) => <CategoryTag category={r.category} urgency={r.urgency} /> },
        { title: S.colContent, dataIndex: 'content', ellipsis: true },
        { title: S.colHandler, dataIndex: 'handlerLabel', width: 120 },
        { title: S.colState, dataIndex: 'state', width: 80, render: (_: unknown, r) => <EntryStateTag state={r.state} /> },
        { title: S.colTime, key: 'time', width: 130, render: (_: unknown, r) => <TimeText time={r.time} /> },
      ]}
    />
  );
}

export function OpenVisitorsTable(props: { rows: VisitorView[] }) {
  return (
    <Table<VisitorView>
      size="small"
      aria-label={S.handoverVisitorsTable}
      rowKey="id"
      pagination={false}
      dataSource={props.rows}
      locale={{ emptyText: S.handoverNoVisitors }}
      columns={[
        { title: S.visitorName, dataIndex: 'name', width: 100 },
        { title: S.visitorPhone, dataIndex: 'phone', width: 130 },
        { title: S.visitorUnit, dataIndex: 'unitCode', width: 100 },
        { title: S.visitorReason, dataIndex: 'reason', ellipsis: true },
        { title: S.visitorPlate, dataIndex: 'plate', width: 100 },
        { title: S.visitorInAt, dataIndex: 'inAt', width: 140, render: (at: string) => officeDateTime(at) },
      ]}
    />
  );
}

/** 导出Excel: reception.exportReport. */
export function ExportButton(props: { kind: 'daily' | 'handover'; day?: string }) {
  return <ExportExcelButton run={() => call('reception.exportReport', { kind: props.kind, day: props.day })} />;
}

/** A labelled number, as on the paper report. */
export function Figure(props: { label: string; value: number; danger?: boolean }) {
  return (
    <div style={{ minWidth: 96 }} role="group" aria-label={props.label}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {props.label}
      </Typography.Text>
      <div style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }}>
        <Typography.Text type={props.danger && props.value > 0 ? 'danger' : undefined}>{props.value}</Typography.Text>
      </div>
    </div>
  );
}
