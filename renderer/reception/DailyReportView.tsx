import { useState } from 'react';
import { Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { afterToday, officeDateTime, officeTodayText } from '../dates';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, dailyFigures, type Category, type Channel } from '../../shared/reception';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { ExportButton, Figure, ReportEntriesTable } from './ReportTables';
import { useOpenPrint } from './usePrint';
import { S } from './strings';

type GridRow = { key: string; label: string; counts: Record<Category, number>; total: number };

/** 客服中心日报表 for a chosen day: the counts grid, the figures the paper report asks for, the entries. */
export function DailyReportView() {
  const [day, setDay] = useState(officeTodayText);
  const { value: report, error, reload } = useCommandResult('reception.daily', { day });
  const openPrint = useOpenPrint();

  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }}>
      <DatePicker
        aria-label={S.dailyDay}
        allowClear={false}
        value={dayjs(day)}
        disabledDate={afterToday}
        onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
      />
      <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash('reception-daily', { serial: day }))}>
        {S.print}
      </Button>
      <ExportButton kind="daily" day={day} />
      {report && <Typography.Text type="secondary">{S.generatedAt(officeDateTime(report.generatedAt))}</Typography.Text>}
    </Space>
  );

  if (!report || report.day !== day) {
    return (
      <div>
        {toolbar}
        <LoadState error={error} loading={S.loading} onRetry={reload} minHeight={200} />
      </div>
    );
  }

  const emptyCounts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const gridRows: GridRow[] = report.grid.map((g) => ({ key: g.channel, label: CHANNEL_LABELS[g.channel as Channel], counts: g.counts, total: g.total }));
  const totals: GridRow = {
    key: 'total',
    label: S.dailyRowTotal,
    counts: report.grid.reduce((acc, g) => {
      const next = { ...acc };
      for (const c of CATEGORIES) next[c] += g.counts[c] ?? 0;
      return next;
    }, emptyCounts),
    total: report.total,
  };

  return (
    <div data-testid="daily-report">
      {toolbar}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          {dailyFigures(report).map((f) => (
            <Figure key={f.label} label={f.label} value={f.value} danger={f.alert} />
          ))}
        </Space>
        <Typography.Paragraph type="secondary" data-testid="daily-count-rule" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {report.countRule}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={S.dailyGrid} style={{ marginBottom: 12 }}>
        <Table<GridRow>
          size="small"
          aria-label={S.dailyGridTable}
          rowKey="key"
          pagination={false}
          dataSource={[...gridRows, totals]}
          columns={[
            { title: S.colChannel, dataIndex: 'label', width: 100, render: (l: string, r) => (r.key === 'total' ? <strong>{l}</strong> : l) },
            ...CATEGORIES.map((c) => ({ title: CATEGORY_LABELS[c], key: c, align: 'right' as const, render: (_: unknown, r: GridRow) => r.counts[c] ?? 0 })),
            { title: S.dailyRowTotal, dataIndex: 'total', align: 'right' as const, render: (n: number) => <strong>{n}</strong> },
          ]}
        />
      </Card>
      <Card size="small" title={S.dailyEntriesHeading(report.entries.length, report.voided)}>
        <ReportEntriesTable label={S.dailyEntriesTable} rows={report.entries} empty={S.printEntriesNone} />
      </Card>
    </div>
  );
}
