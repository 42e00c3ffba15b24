import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { KeyRow, LoanRow } from '../../shared/contract/keys';
import { KEY_STATES, KEY_STATE_LABELS } from '../../shared/keys';
import { officeDateTime } from '../dates';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { keysHash } from './route';
import { LoanStatusText } from './tags';
import { S } from './strings';

const loanColumns = [
  { title: S.colTag, dataIndex: 'tag', width: 100, render: (tag: string, l: LoanRow) => <a href={keysHash.key(l.keyId)}>{tag}</a> },
  { title: S.colTarget, dataIndex: 'target', width: 120 },
  { title: S.colBorrower, dataIndex: 'borrowerName', width: 140, render: (name: string, l: LoanRow) => [name, l.organisation, l.borrowerPhone].filter(Boolean).join(' · ') },
  { title: S.colDueAt, dataIndex: 'dueAt', width: 140, render: (d: string) => officeDateTime(d) },
  { title: S.colStatus, key: 'status', render: (_: unknown, l: LoanRow) => <LoanStatusText loan={l} /> },
];

/** 交接班: what the next custodian takes over — keys by state, what is out and overdue, recent losses, the last audit. */
export function HandoverView() {
  const { value, error } = useCommandResult('keys.handover', {});
  if (!value) return <LoadState error={error} loading={S.loading} />;
  const h = value;
  return (
    <div data-testid="key-handover">
      <Typography.Title level={4}>{`${S.handoverTitle} · ${officeDateTime(h.at)}`}</Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {KEY_STATES.map((s) => (
          <Col key={s}>
            <Statistic title={KEY_STATE_LABELS[s]} value={h.byState[s]} />
          </Col>
        ))}
        <Col>
          <Statistic title={S.handoverKeysOut} value={h.keysOut} />
        </Col>
        <Col>
          <Statistic title={S.handoverRelabel} value={h.needsRelabel} />
        </Col>
        <Col>
          <Statistic title={S.handoverLastAudit} value={h.lastAudit ? `${h.lastAudit.no} ${officeDateTime(h.lastAudit.finishedAt ?? h.lastAudit.startedAt)}` : S.handoverNoAudit} styles={{ content: { fontSize: 16 } }} />
        </Col>
      </Row>
      <Card size="small" title={`${S.handoverOverdue}（${h.overdue.length}）`} style={{ marginBottom: 12 }}>
        <Table<LoanRow> size="small" rowKey="id" pagination={false} dataSource={h.overdue} columns={loanColumns} data-testid="handover-overdue" />
      </Card>
      <Card size="small" title={`${S.handoverDueSoon}（${h.dueSoon.length}）`} style={{ marginBottom: 12 }}>
        <Table<LoanRow> size="small" rowKey="id" pagination={false} dataSource={h.dueSoon} columns={loanColumns} />
      </Card>
      <Card size="small" title={`${S.handoverLost}（${h.lostRecently.length}）`}>
        <Table<KeyRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={h.lostRecently}
          columns={[
            { title: S.colTag, dataIndex: 'tag', width: 100, render: (tag: string, k: KeyRow) => <a href={keysHash.key(k.id)}>{tag}</a> },
            { title: S.colTarget, dataIndex: 'target' },
            { title: S.detailReplacedBy, dataIndex: 'replacedByTag', render: (t: string | null) => t ?? S.none },
          ]}
        />
      </Card>
    </div>
  );
}
