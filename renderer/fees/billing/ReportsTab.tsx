import { useState } from 'react';
import { Space, Table, Typography } from 'antd';
import type { CollectionRateRow } from '../../../shared/contract/fees-billing';
import { formatYuan } from '../../../shared/money';
import { LoadState } from '../../components/LoadState';
import { useCommandResult } from '../../components/useCommandResult';
import { CollectionsReport } from './CollectionsReport';
import { MonthPicker, shiftMonth, thisMonth } from './parts';
import { S } from './strings';

/** 78.5% for 0.785; a dash when nothing was billed. */
export const rateText = (rate: number | null) => (rate === null ? S.none : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/** 报表: the collection rate (收缴率) of a month's bills by item, and what the counter took (收款汇总). */
export function ReportsTab() {
  // Last month by default: the latest month whose bills have had time to be paid.
  const [period, setPeriod] = useState(() => shiftMonth(thisMonth(), -1));
  const { value, error, reload } = useCommandResult('fees.collectionRate', { period });
  const shown = value?.period === period ? value : null;
  return (
    <div>
      <Typography.Title level={5}>{S.rateTable}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <MonthPicker aria-label={S.reportPeriod} value={period} onChange={(m) => m && setPeriod(m)} />
      </Space>
      {shown ? (
        <>
          <Table<CollectionRateRow>
            size="small"
            bordered
            aria-label={S.rateTable}
            data-testid="collection-rate"
            rowKey="item"
            pagination={false}
            dataSource={shown.rows}
            style={{ maxWidth: 900, marginBottom: 0 }}
            columns={[
              { key: 'item', title: S.colItem, render: (_, r) => r.item },
              { key: 'billed', title: S.colBilled, align: 'right', render: (_, r) => formatYuan(r.billedFen) },
              { key: 'collected', title: S.colCollected, align: 'right', render: (_, r) => formatYuan(r.collectedFen) },
              { key: 'rate', title: S.colCollectionRate, align: 'right', render: (_, r) => rateText(r.rate) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{S.rateTotal}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {formatYuan(shown.total.billedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatYuan(shown.total.collectedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {rateText(shown.total.rate)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {S.rateRule}
          </Typography.Paragraph>
        </>
      ) : (
        <LoadState error={error} loading={S.loading} onRetry={reload} />
      )}
      <CollectionsReport />
    </div>
  );
}
