import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { HandoverSummary } from '../../shared/contract/reception';
import { officeDateTime } from '../dates';
import { call } from '../api/client';
import { LoadState } from '../components/LoadState';
import { useNotify } from '../components/notify';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { ExportButton, Figure, OpenVisitorsTable, ReportEntriesTable } from './ReportTables';
import { useOpenPrint } from './usePrint';
import { S } from './strings';

/** 交班: what the next shift inherits — open entries by deadline, visitors still in, the counts. */
export function HandoverView() {
  const { value: handover, error, reload } = useCommandResult('reception.handover', {});
  const past = useCommandResult('reception.handovers', {});
  const openPrint = useOpenPrint();
  const notify = useNotify();
  const [saving, setSaving] = useState(false);

  const printHandover = (no: string) => openPrint(printHash('reception-handover', { serial: no }));
  // The handover as it is now is stored under its own number first: that is what prints, and what a reprint shows.
  const printNow = async () => {
    setSaving(true);
    const result = await call('reception.saveHandover', {});
    setSaving(false);
    if (result.ok) printHandover(result.value.no);
    else notify.error(result.error);
  };

  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Button type="primary" icon={<PrinterOutlined aria-hidden />} loading={saving} onClick={() => void printNow()}>
        {S.print}
      </Button>
      <ExportButton kind="handover" />
      <Button icon={<ReloadOutlined aria-hidden />} onClick={reload}>
        {S.refresh}
      </Button>
      {handover && (
        <Typography.Text type="secondary">
          {S.generatedAt(officeDateTime(handover.generatedAt))} · {S.handoverBy(handover.operatorName)}
        </Typography.Text>
      )}
    </Space>
  );

  if (!handover) {
    return (
      <div>
        {toolbar}
        <LoadState error={error} loading={S.loading} minHeight={200} />
      </div>
    );
  }

  // The server sends them soonest deadline first (overdue first, those owing nothing last).
  const open = handover.open;
  return (
    <div data-testid="handover">
      {toolbar}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          <Figure label={S.handoverCountOpen} value={handover.counts.open} />
          <Figure label={S.handoverCountOverdue} value={handover.counts.overdue} danger />
          <Figure label={S.handoverCountDueSoon} value={handover.counts.dueSoon} />
          <Figure label={S.handoverCountMajor} value={handover.counts.majorPending} danger />
          <Figure label={S.handoverVisitors} value={handover.openVisitors.length} />
        </Space>
      </Card>
      <Card size="small" title={`${S.handoverOpen}（${open.length}）`} style={{ marginBottom: 12 }}>
        <ReportEntriesTable label={S.handoverOpenTable} rows={open} empty={S.handoverNoOpen} />
      </Card>
      <Card size="small" title={`${S.handoverVisitors}（${handover.openVisitors.length}）`} style={{ marginBottom: 12 }}>
        <OpenVisitorsTable rows={handover.openVisitors} />
      </Card>
      <Card size="small" title={S.handoverPast}>
        <Table<HandoverSummary>
          size="small"
          aria-label={S.handoverPast}
          rowKey="no"
          pagination={false}
          loading={!past.value && !past.error}
          dataSource={past.value ?? []}
          locale={{ emptyText: S.handoverPastNone }}
          columns={[
            { title: S.handoverPastNo, dataIndex: 'no', width: 150 },
            { title: S.handoverPastAt, dataIndex: 'generatedAt', width: 150, render: (at: string) => officeDateTime(at) },
            { title: S.printHandoverFrom, dataIndex: 'operatorName', width: 120 },
            { title: S.handoverPastOpen, dataIndex: 'open', width: 80 },
            { title: S.handoverPastPrints, dataIndex: 'prints', width: 80, render: (n: number) => S.handoverPrints(n) },
            {
              key: 'print',
              render: (_: unknown, h) => (
                <Button size="small" icon={<PrinterOutlined aria-hidden />} onClick={() => printHandover(h.no)}>
                  {h.prints === 0 ? S.handoverPrintStored : S.handoverReprint}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
