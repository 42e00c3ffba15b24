import { useState } from 'react';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import type { RunSummary, RunItemLine } from '../../../shared/contract/fees-billing';
import { formatYuan } from '../../../shared/money';
import type { CommandError } from '../../../shared/result';
import { call } from '../../api/client';
import { useNotify } from '../../components/notify';
import { MonthPicker, thisMonth } from './parts';
import { S } from './strings';

/**
 * 月度计费: a month → 预览 (what the run would create, by item, nothing saved) → 生成账单 → what it
 * created. Running a month again creates nothing and the result says so: the answer on screen is
 * the server's count, not a toast.
 */
export function RunTab() {
  const notify = useNotify();
  const { modal } = App.useApp();
  const [month, setMonth] = useState(thisMonth);
  const [shown, setShown] = useState<{ kind: 'preview' | 'result'; summary: RunSummary } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'run' | null>(null);
  const [error, setError] = useState<CommandError | null>(null);

  const preview = async () => {
    setBusy('preview');
    const result = await call('fees.previewRun', { month });
    setBusy(null);
    if (result.ok) {
      setShown({ kind: 'preview', summary: result.value });
      setError(null);
    } else setError(result.error);
  };
  const run = async () => {
    setBusy('run');
    const result = await call('fees.run', { month });
    setBusy(null);
    if (result.ok) {
      setShown({ kind: 'result', summary: result.value });
      setError(null);
    } else notify.error(result.error);
  };
  const askRun = () => {
    const s = shown?.kind === 'preview' && shown.summary.month === month ? shown.summary : null;
    if (!s || s.count === 0) return void run();
    modal.confirm({ title: S.runIt, content: S.runConfirm(month, s.count, formatYuan(s.totalFen)), okText: S.runIt, onOk: () => run() });
  };

  const summary = shown?.summary.month === month ? shown.summary : null;
  return (
    <div style={{ maxWidth: 900 }}>
      <Typography.Paragraph type="secondary">{S.runHint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <MonthPicker aria-label={S.runMonth} value={month} onChange={(m) => m && setMonth(m)} />
        <Button onClick={() => void preview()} loading={busy === 'preview'}>
          {S.preview}
        </Button>
        <Button type="primary" onClick={askRun} loading={busy === 'run'} disabled={!summary || shown?.kind !== 'preview'}>
          {S.runIt}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {summary && shown && <RunSummaryView kind={shown.kind} summary={summary} />}
    </div>
  );
}

function RunSummaryView(props: { kind: 'preview' | 'result'; summary: RunSummary }) {
  const { kind, summary: s } = props;
  const nothingNew = kind === 'result' && s.count === 0;
  const title = kind === 'preview' ? S.runPreviewTitle(s.month) : nothingNew ? S.runNothingNew(s.month) : S.runResultTitle(s.month);
  return (
    <div data-testid={kind === 'preview' ? 'run-preview' : 'run-result'} data-count={s.count}>
      <Alert type={kind === 'preview' ? 'info' : nothingNew ? 'warning' : 'success'} showIcon title={title} description={s.message} style={{ marginBottom: 12 }} />
      {s.items.length > 0 && (
        <Table<RunItemLine>
          size="small"
          bordered
          aria-label={S.runTable}
          rowKey="feeItemId"
          pagination={false}
          dataSource={s.items}
          columns={[
            { key: 'name', title: S.colItem, render: (_, r) => r.name },
            { key: 'count', title: S.colCount, align: 'right', render: (_, r) => r.count },
            { key: 'vacancy', title: S.colVacancy, align: 'right', render: (_, r) => r.vacancyCount },
            { key: 'total', title: S.colTotal, align: 'right', render: (_, r) => formatYuan(r.totalFen) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{S.runTotal}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {s.count}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} align="right">
                {formatYuan(s.totalFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {S.runAlreadyBilled(s.alreadyBilled)}
        {s.skipped.length > 0 && `；${S.runSkipped}：${s.skipped.map((k) => `${k.reason} ${k.count}`).join('，')}`}
      </Typography.Paragraph>
    </div>
  );
}
