import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { KeyDetail } from '../../shared/contract/keys';
import { KEY_CLASS_LABELS, KEY_EVENT_LABELS, KEY_MACHINE, type KeyAction } from '../../shared/keys';
import { allowedActions } from '../../shared/state-machine';
import { call } from '../api/client';
import { officeDateTime } from '../dates';
import { LoadState } from '../components/LoadState';
import { useNotify } from '../components/notify';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { useSession } from '../session/SessionContext';
import { ReturnModal } from './counter/ReturnModal';
import { DepositKeyModal, EditKeyModal, IssueKeyModal, LostKeyModal, RetireKeyModal } from './KeyActions';
import { LoanTable } from './loans/LoanTable';
import { ISSUE_SLIP_FORM, LABEL_FORM } from './print/forms';
import { go, keysHash } from './route';
import { KeyStateTag } from './tags';
import { S } from './strings';

type Acting = 'edit' | 'retire' | 'issue' | 'deposit' | 'lost' | 'return' | null;

/** A key by its tag (the counter search, a scan elsewhere): found, it opens by id; not found, says so. */
export function KeyByTag(props: { tag: string }) {
  const { value, error } = useCommandResult('keys.get', { tag: props.tag });
  if (value) return <KeyDetailBody detail={value} />;
  return <LoadState error={error ? { ...error, message: error.kind === 'not_found' ? S.scanUnknown(props.tag) : error.message } : null} loading={S.loading} />;
}

/** A key (or key set): where it is, its open loan, the owner's deposit, its whole history, and what may be done to it. */
export function KeyDetailView(props: { keyId: number }) {
  const { value, error } = useCommandResult('keys.get', { keyId: props.keyId });
  if (!value) return <LoadState error={error} loading={S.loading} />;
  return <KeyDetailBody detail={value} />;
}

function KeyDetailBody(props: { detail: KeyDetail }) {
  const k = props.detail;
  const { operator } = useSession();
  const notify = useNotify();
  const openPrint = useOpenPrint();
  const [acting, setActing] = useState<Acting>(null);
  const allowed = new Set<KeyAction>(allowedActions(KEY_MACHINE, k.state, operator.roles));
  const close = () => setActing(null);
  const flag = async (on: boolean) => {
    const result = await call('keys.flagRelabel', { keyId: k.id, flag: on });
    if (result.ok) notify.success(S.saved);
    else notify.error(result.error);
  };

  return (
    <div data-testid="key-detail">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go(keysHash.list)}>
          {S.detailBack}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {S.detailTitle(k.tag)}
        </Typography.Title>
        <KeyStateTag state={k.state} />
        {k.needsRelabel && <Tag color="orange">{S.relabelMark}</Tag>}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(LABEL_FORM, { serial: k.tag }))}>
          {S.actPrintLabel}
        </Button>
        {allowed.has('return') && <Button onClick={() => setActing('return')}>{S.actReturn}</Button>}
        {allowed.has('issue') && <Button onClick={() => setActing('issue')}>{S.actIssue}</Button>}
        {allowed.has('deposit') && <Button onClick={() => setActing('deposit')}>{S.actDeposit}</Button>}
        {allowed.has('reportLost') && <Button onClick={() => setActing('lost')}>{S.actLost}</Button>}
        {allowed.has('flagRelabel') && <Button onClick={() => void flag(!k.needsRelabel)}>{k.needsRelabel ? S.actUnrelabel : S.actRelabel}</Button>}
        {k.state !== 'retired' && <Button onClick={() => setActing('edit')}>{S.actEdit}</Button>}
        {allowed.has('retire') && (
          <Button danger onClick={() => setActing('retire')}>
            {S.actRetire}
          </Button>
        )}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={S.detailTarget}>{k.target}</Descriptions.Item>
          <Descriptions.Item label={S.detailClass}>{KEY_CLASS_LABELS[k.keyClass]}</Descriptions.Item>
          <Descriptions.Item label={S.detailCount}>
            {k.keyCount}
            {k.shortCount > 0 && <Tag color="warning" style={{ marginLeft: 8 }}>{S.shortMark(k.shortCount)}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={S.detailPosition}>{k.position || S.none}</Descriptions.Item>
          <Descriptions.Item label={S.detailNote}>{k.note || S.none}</Descriptions.Item>
          {k.replacesTag && <Descriptions.Item label={S.detailReplaces}>{k.replacesTag}</Descriptions.Item>}
          {k.replacedByTag && (
            <Descriptions.Item label={S.detailReplacedBy}>
              <a href={keysHash.tag(k.replacedByTag)}>{k.replacedByTag}</a>
            </Descriptions.Item>
          )}
          {k.deposit && (
            <>
              <Descriptions.Item label={S.detailDeposit}>{S.detailDepositText(k.deposit.depositorName, k.deposit.depositorPhone, officeDateTime(k.deposit.depositedAt))}</Descriptions.Item>
              <Descriptions.Item label={S.detailAuthorisation}>{k.deposit.authorisation}</Descriptions.Item>
              <Descriptions.Item label={S.detailCollectors}>{k.deposit.allowedCollectors.join('、') || S.none}</Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={S.detailRecentLoans} style={{ marginBottom: 12 }}>
        <LoanTable filters={{ keyId: k.id }} height={220} />
      </Card>
      <Card size="small" title={S.detailHistory}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={k.history}
          data-testid="key-history"
          columns={[
            { title: S.colRegisteredAt, dataIndex: 'at', width: 150, render: (at: string) => officeDateTime(at) },
            { title: S.colState, dataIndex: 'kind', width: 100, render: (kind: keyof typeof KEY_EVENT_LABELS) => KEY_EVENT_LABELS[kind] },
            { title: S.detailNote, dataIndex: 'text' },
            { title: S.slipOperator, dataIndex: 'operatorName', width: 120, render: (name: string, e) => (e.approverName ? `${name}（${S.slipApprover} ${e.approverName}）` : name) },
          ]}
        />
      </Card>
      {acting === 'edit' && <EditKeyModal keyRow={k} onClose={close} />}
      {acting === 'retire' && <RetireKeyModal keyRow={k} onClose={close} />}
      {acting === 'return' && <ReturnModal scan={{ key: k, loan: k.loan }} onReturned={close} onClose={close} />}
      {acting === 'issue' && (
        <IssueKeyModal
          keyRow={k}
          onClose={close}
          onIssued={(issue) => {
            close();
            openPrint(printHash(ISSUE_SLIP_FORM, { serial: issue.no }));
          }}
        />
      )}
      {acting === 'deposit' && <DepositKeyModal keyRow={k} onClose={close} onDeposited={close} />}
      {acting === 'lost' && (
        <LostKeyModal
          keyRow={k}
          onClose={close}
          onReported={(lost) => {
            close();
            // 复配: the new key's label prints at once.
            if (lost.replacedByTag) openPrint(printHash(LABEL_FORM, { serial: lost.replacedByTag }));
          }}
        />
      )}
    </div>
  );
}
