import { Button, Card, Space, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { handoverSerial, officeDateTime } from '../dates';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { ExportButton, Figure, OpenVisitorsTable, ReportEntriesTable } from './ReportTables';
import { useOpenPrint } from './usePrint';
import { S } from './strings';

/** 交班: what the next shift inherits — open entries by deadline, visitors still in, the counts. */
export function HandoverView() {
  const { value: handover, error, reload } = useCommandResult('reception.handover', {});
  const openPrint = useOpenPrint();

  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash('reception-handover', { serial: handoverSerial() }))}>
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
      <Card size="small" title={`${S.handoverVisitors}（${handover.openVisitors.length}）`}>
        <OpenVisitorsTable rows={handover.openVisitors} />
      </Card>
    </div>
  );
}
