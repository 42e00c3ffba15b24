import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { createColumnHelper } from '@tanstack/react-table';
import type { AuditKeyLine, AuditScanView, AuditSummary, AuditView as Audit } from '../../../shared/contract/keys';
import { KEY_STATE_LABELS } from '../../../shared/keys';
import { call } from '../../api/client';
import { officeDateTime } from '../../dates';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { useNotify } from '../../components/notify';
import { sortableFields, useCommandList } from '../../components/useCommandList';
import { useCommandResult } from '../../components/useCommandResult';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { AUDIT_FORM } from '../print/forms';
import { ScanBox } from '../ScanBox';
import { go, keysHash } from '../route';
import { S } from '../strings';

const col = createColumnHelper<AuditSummary>();
const SORTABLE = sortableFields('keys.audits');

const RESULT_LABELS: Record<AuditScanView['result'], { text: string; color: string }> = {
  present: { text: S.auditResultPresent, color: 'success' },
  unexpected: { text: S.auditResultUnexpected, color: 'warning' },
  unknown: { text: S.auditResultUnknown, color: 'error' },
};

/**
 * 盘点 (`#/keys/audit`): the audits so far and 开始盘点; an audit still open takes scans here; a
 * finished one (`#/keys/audit/3`) shows its result.
 */
export function AuditPage(props: { auditId: number | null }) {
  if (props.auditId !== null) return <AuditResult key={props.auditId} auditId={props.auditId} />;
  return <AuditHome />;
}

function AuditHome() {
  const notify = useNotify();
  const list = useCommandList('keys.audits', {}, { sort: { field: 'startedAt', desc: true }, pageSize: 50 });
  const running = list.rows.find((a) => a.finishedAt === null) ?? null;
  const [note, setNote] = useState('');
  const columns = useMemo(
    () => [
      col.accessor('no', { header: S.auditNo, size: 120 }),
      col.accessor('startedAt', { header: S.auditStarted, size: 140, cell: (c) => officeDateTime(c.getValue()) }),
      col.accessor('finishedAt', { header: S.auditFinished, size: 140, cell: (c) => (c.getValue() ? officeDateTime(c.getValue()) : S.auditOpenList) }),
      col.accessor('operatorName', { header: S.auditOperator, size: 100 }),
      col.accessor((r) => r, { id: 'counts', header: S.auditScanned, size: 300, cell: (c) => S.auditCounts(c.getValue()) }),
    ],
    [],
  );
  const start = async () => {
    const result = await call('keys.startAudit', { note });
    if (!result.ok) notify.error(result.error);
    else setNote('');
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {running ? (
        <RunningAudit key={running.id} auditId={running.id} />
      ) : (
        <Space>
          <Input aria-label={S.auditNote} placeholder={S.auditNote} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} style={{ width: 280 }} />
          <Button type="primary" onClick={() => void start()}>
            {S.auditStart}
          </Button>
        </Space>
      )}
      <DataTable label={S.auditHistory} columns={columns} list={list} sortable={SORTABLE} rowKey={(r) => r.id} onOpen={(r) => go(keysHash.auditResult(r.id))} height={300} />
    </Space>
  );
}

/**
 * An open audit: a scan box that keeps the focus, each scan answered at once (在柜 / 不应在柜 /
 * 未登记) in a running list, the count against what the register expects in the cabinet, and 结束盘点.
 */
function RunningAudit(props: { auditId: number }) {
  const notify = useNotify();
  const { value: audit, reload } = useCommandResult('keys.audit', { auditId: props.auditId });
  const [scans, setScans] = useState<AuditScanView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const scan = async (raw: string) => {
    const tag = raw.trim().toUpperCase();
    if (!tag) return;
    const result = await call('keys.auditScan', { auditId: props.auditId, tag });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    setScans((s) => [result.value, ...s]);
    reload();
  };
  const finish = async () => {
    const result = await call('keys.finishAudit', { auditId: props.auditId });
    if (!result.ok) notify.error(result.error);
    else go(keysHash.auditResult(result.value.id));
  };
  const present = audit ? audit.scanned - audit.unexpected - audit.unknown : 0;
  const expected = audit ? present + audit.missing : 0;

  return (
    <Card size="small" title={audit ? S.auditRunning(audit.no) : S.loading} data-testid="audit-running">
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <ScanBox label={S.auditScanLabel} placeholder={S.auditScanPh} testId="audit-scan" width={320} onCode={(code) => void scan(code)} />
        <Statistic title={S.auditScanned} value={S.auditExpected(present, expected)} styles={{ content: { fontSize: 16 } }} data-testid="audit-count" />
        <Button type="primary" danger onClick={() => void finish()}>
          {S.auditFinish}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Table<AuditScanView & { seq: number }>
        size="small"
        rowKey="seq"
        pagination={false}
        scroll={{ y: 320 }}
        data-testid="audit-scans"
        dataSource={scans.map((s, i) => ({ ...s, seq: scans.length - i }))}
        locale={{ emptyText: S.auditNothing }}
        columns={[
          { title: S.colState, dataIndex: 'result', width: 100, render: (r: AuditScanView['result']) => <Tag color={RESULT_LABELS[r].color}>{RESULT_LABELS[r].text}</Tag> },
          { title: S.colTag, dataIndex: 'tag', width: 110 },
          { title: S.colTarget, key: 'target', width: 150, render: (_: unknown, s: AuditScanView) => s.key?.target ?? '' },
          { title: S.detailNote, key: 'message', render: (_: unknown, s: AuditScanView) => `${s.message}${s.repeated ? S.auditRepeated : ''}` },
          { title: '', key: 'worn', width: 110, render: (_: unknown, s: AuditScanView) => (s.key ? <WornLabelButton keyId={s.key.id} /> : null) },
        ]}
      />
    </Card>
  );
}

/** Flags a key's label as worn (标签破损), for the reprint list. */
function WornLabelButton(props: { keyId: number }) {
  const notify = useNotify();
  const [done, setDone] = useState(false);
  return (
    <Button
      size="small"
      disabled={done}
      onClick={() =>
        void call('keys.flagRelabel', { keyId: props.keyId, flag: true }).then((r) => {
          if (r.ok) setDone(true);
          else notify.error(r.error);
        })
      }
    >
      {done ? S.relabelMark : S.auditFlagWorn}
    </Button>
  );
}

/** A finished audit: missing, unexpected, lent, unknown; compared with the previous audit; printable on A4. */
function AuditResult(props: { auditId: number }) {
  const { value, error } = useCommandResult('keys.audit', { auditId: props.auditId });
  const openPrint = useOpenPrint();
  if (!value) return <LoadState error={error} loading={S.loading} />;
  const a: Audit = value;
  const c = a.comparison;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="audit-result">
      <Space wrap>
        <Button onClick={() => go(keysHash.audit)}>{S.auditHistory}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {a.no}
        </Typography.Title>
        <span>{S.auditCounts(a)}</span>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(AUDIT_FORM, { serial: a.no }))}>
          {S.auditPrint}
        </Button>
      </Space>
      <AuditLines title={S.auditMissing} lines={a.missingKeys} testId="audit-missing" worn={false} />
      <AuditLines title={S.auditUnexpected} lines={a.unexpectedKeys} testId="audit-unexpected" worn />
      <AuditLines title={S.auditLent} lines={a.lentKeys} testId="audit-lent" worn={false} />
      <Card size="small" title={S.auditUnknownTags}>
        <span data-testid="audit-unknown">{a.unknownTags.join('、') || S.auditNothing}</span>
      </Card>
      <Card size="small" title={c ? S.auditComparison(c.previousNo, officeDateTime(c.previousAt)) : S.auditNoPrevious} data-testid="audit-comparison">
        {c && (
          <Space orientation="vertical">
            <span>{`${S.auditNewlyMissing}：${c.newlyMissing.join('、') || S.auditNothing}`}</span>
            <span>{`${S.auditStillMissing}：${c.stillMissing.join('、') || S.auditNothing}`}</span>
            <span>{`${S.auditFound}：${c.found.join('、') || S.auditNothing}`}</span>
          </Space>
        )}
      </Card>
    </Space>
  );
}

function AuditLines(props: { title: string; lines: AuditKeyLine[]; testId: string; worn: boolean }) {
  return (
    <Card size="small" title={`${props.title}（${props.lines.length}）`}>
      <Table<AuditKeyLine>
        size="small"
        rowKey="keyId"
        pagination={false}
        data-testid={props.testId}
        dataSource={props.lines}
        locale={{ emptyText: S.auditNothing }}
        columns={[
          { title: S.colTag, dataIndex: 'tag', width: 110, render: (tag: string, l) => <a href={keysHash.key(l.keyId)}>{tag}</a> },
          { title: S.colTarget, dataIndex: 'target', width: 160 },
          { title: S.colPosition, dataIndex: 'position', width: 100 },
          { title: S.colState, dataIndex: 'state', width: 80, render: (s: AuditKeyLine['state']) => KEY_STATE_LABELS[s] },
          { title: S.colLoan, dataIndex: 'detail' },
          ...(props.worn ? [{ title: '', width: 110, render: (_: unknown, l: AuditKeyLine) => <WornLabelButton keyId={l.keyId} /> }] : []),
        ]}
      />
    </Card>
  );
}
