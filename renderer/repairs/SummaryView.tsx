import { useState } from 'react';
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { SummaryRow } from '../../shared/contract/repairs';
import { officeDateTime, officeTodayText } from '../dates';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { SUMMARY_PRINT_FORM } from './print/forms';
import { SUMMARY_COLUMNS, summaryRows } from './summaryColumns';
import { ExportExcelButton } from '../components/ExportExcelButton';
import { call } from '../api/client';
import { S } from './strings';

/** 维修月度汇总 for a chosen month: by category and 入户/公共, averages, on-time rates, satisfaction, call-backs. */
export function SummaryView() {
  const [month, setMonth] = useState(() => officeTodayText().slice(0, 7));
  const { value: summary, error, reload } = useCommandResult('repairs.summary', { month });
  const openPrint = useOpenPrint();
  const shown = summary?.month === month ? summary : null;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          aria-label={S.summaryMonth}
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > officeTodayText().slice(0, 7)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(SUMMARY_PRINT_FORM, { serial: month }))}>
          {S.summaryPrint}
        </Button>
        <ExportExcelButton run={() => call('repairs.exportSummary', { month })} />
        {shown && <Typography.Text type="secondary">{`${S.sumGeneratedAt}：${officeDateTime(shown.generatedAt)} · ${S.sumVoided(shown.voided)}`}</Typography.Text>}
      </Space>
      {shown ? (
        <>
          <Table<SummaryRow>
            size="small"
            bordered
            aria-label={S.summaryTable}
            data-testid="repairs-summary"
            rowKey={(r) => `${r.category ?? 'all'}-${r.scope ?? 'all'}`}
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={summaryRows(shown)}
            columns={SUMMARY_COLUMNS.map((c) => ({ key: c.key, title: c.title, align: c.numeric ? 'right' : 'left', render: (_: unknown, r: SummaryRow) => c.value(r) }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {shown.countRule}
          </Typography.Paragraph>
        </>
      ) : (
        <LoadState error={error} loading={S.detailLoading} onRetry={reload} />
      )}
    </div>
  );
}
