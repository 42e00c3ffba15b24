import { useState } from 'react';
import { Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { call } from '../api/client';
import { officeDateTime, officeTodayText } from '../dates';
import { ExportExcelButton } from '../components/ExportExcelButton';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { DUTY_LIST_FORM, MONTHLY_FORM } from './print/forms';
import { DUTY_COLUMNS, MONTHLY_COLUMNS, monthlySections, type ReportColumn } from './reportColumns';
import { S } from './strings';

/** 门岗值班登记 for a day and 放行月报 for a month: on screen as they print; the report also as .xlsx. */
export function PassReports() {
  const [day, setDay] = useState(officeTodayText);
  const [month, setMonth] = useState(() => officeTodayText().slice(0, 7));
  const duty = useCommandResult('passes.dutyList', { day });
  const monthly = useCommandResult('passes.monthly', { month });
  const openPrint = useOpenPrint();
  const dutyShown = duty.value?.day === day ? duty.value : null;
  const monthShown = monthly.value?.month === month ? monthly.value : null;
  const notFuture = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > officeTodayText();
  return (
    <div>
      <Card size="small" title={S.dutyTitle} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker aria-label={S.dutyDay} allowClear={false} value={dayjs(day)} disabledDate={notFuture} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} />
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(DUTY_LIST_FORM, { serial: day }))}>
            {S.dutyPrint}
          </Button>
          {dutyShown && <Typography.Text type="secondary">{S.printDutySummary(dutyShown.approved, dutyShown.released, dutyShown.refused, dutyShown.expired)}</Typography.Text>}
        </Space>
        {dutyShown ? (
          <ReportTable label={S.dutyTitle} testId="duty-list" columns={DUTY_COLUMNS} rows={dutyShown.rows} rowKey={(r) => String(r.id)} />
        ) : (
          <LoadState error={duty.error} loading={S.detailLoading} onRetry={duty.reload} minHeight={120} />
        )}
      </Card>
      <Card size="small" title={S.monthTitle}>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            aria-label={S.monthMonth}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.format('YYYY-MM') > officeTodayText().slice(0, 7)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(MONTHLY_FORM, { serial: month }))}>
            {S.monthPrint}
          </Button>
          <ExportExcelButton run={() => call('passes.exportMonthly', { month })} />
          {monthShown && <Typography.Text type="secondary">{`${S.printOverrides(monthShown.overrides)} · ${S.printGeneratedAt} ${officeDateTime(monthShown.generatedAt)}`}</Typography.Text>}
        </Space>
        {monthShown ? (
          <>
            {monthlySections(monthShown).map((s) => (
              <ReportTable
                key={s.key}
                label={s.title}
                testId={`monthly-${s.key}`}
                columns={MONTHLY_COLUMNS.map((c) => (c.key === 'label' ? { ...c, title: s.title } : c))}
                rows={s.rows}
                rowKey={(r) => r.key}
              />
            ))}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {monthShown.countRule}
            </Typography.Paragraph>
          </>
        ) : (
          <LoadState error={monthly.error} loading={S.detailLoading} onRetry={monthly.reload} minHeight={120} />
        )}
      </Card>
    </div>
  );
}

function ReportTable<Row extends object>(props: { label: string; testId: string; columns: readonly ReportColumn<Row>[]; rows: Row[]; rowKey(row: Row): string }) {
  return (
    <Table<Row>
      size="small"
      bordered
      aria-label={props.label}
      data-testid={props.testId}
      rowKey={props.rowKey}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: S.reportEmpty }}
      dataSource={props.rows}
      style={{ marginBottom: 12 }}
      columns={props.columns.map((c) => ({ key: c.key, title: c.title, align: c.numeric ? 'right' : 'left', render: (_: unknown, r: Row) => c.value(r) }))}
    />
  );
}
