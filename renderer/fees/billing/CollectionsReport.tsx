import { useState } from 'react';
import { Segmented, Space, Table, Typography } from 'antd';
import type { CollectionsPeriod } from '../../../shared/contract/fees-counter';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS } from '../../../shared/fees-counter';
import { formatYuan } from '../../../shared/money';
import { call } from '../../api/client';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ExportExcelButton } from '../../components/ExportExcelButton';
import { LoadState } from '../../components/LoadState';
import { useCommandResult } from '../../components/useCommandResult';
import { officeDateTime, officeTodayText } from '../../dates';
import { S } from './strings';

type By = 'day' | 'month';

/**
 * 收款汇总 (fees.collections): what the counter took by day or by month, split by item and by
 * payment method, with the total; exported to .xlsx by the server with the same figures.
 */
export function CollectionsReport() {
  const today = officeTodayText();
  const [range, setRange] = useState({ from: `${today.slice(0, 7)}-01`, to: today });
  const [by, setBy] = useState<By>('day');
  const input = { ...range, by };
  const { value, error, reload } = useCommandResult('fees.collections', input);
  const shown = value && value.from === range.from && value.to === range.to && value.by === by ? value : null;
  const money = (fen: number | undefined) => (fen ? formatYuan(fen) : S.none);
  const columns = shown
    ? [
        { key: 'period', title: by === 'day' ? S.colDay : S.colMonth, render: (_: unknown, r: CollectionsPeriod) => r.period },
        ...shown.items.map((item) => ({ key: `item-${item}`, title: item, align: 'right' as const, render: (_: unknown, r: CollectionsPeriod) => money(r.byItem[item]) })),
        ...PAYMENT_METHODS.map((m) => ({ key: `method-${m}`, title: PAYMENT_METHOD_LABELS[m], align: 'right' as const, render: (_: unknown, r: CollectionsPeriod) => money(r.byMethod[m]) })),
        { key: 'total', title: S.colTotal, align: 'right' as const, render: (_: unknown, r: CollectionsPeriod) => formatYuan(r.totalFen) },
      ]
    : [];
  return (
    <section aria-label={S.collectionsTitle}>
      <Typography.Title level={5}>{S.collectionsTitle}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <DateRangeFilter label={S.collectionsRange} from={range.from} to={range.to} onChange={(r) => r.from && r.to && setRange({ from: r.from, to: r.to })} />
        <Segmented<By> aria-label={S.collectionsBy} value={by} onChange={setBy} options={[{ value: 'day', label: S.byDay }, { value: 'month', label: S.byMonth }]} />
        <ExportExcelButton run={() => call('fees.exportCollections', input)} />
        {shown && <Typography.Text type="secondary">{`${S.generatedAt}：${officeDateTime(shown.generatedAt)}`}</Typography.Text>}
      </Space>
      {shown ? (
        <>
          <Table<CollectionsPeriod>
            size="small"
            bordered
            aria-label={S.collectionsTable}
            data-testid="collections"
            rowKey="period"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={[...shown.periods, { ...shown.total, period: S.rateTotal }]}
            columns={columns}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {shown.countRule}
          </Typography.Paragraph>
        </>
      ) : (
        <LoadState error={error} loading={S.loading} onRetry={reload} />
      )}
    </section>
  );
}
