import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined, ToolOutlined } from '@ant-design/icons';
import type { EntryDetail } from '../../shared/contract/reception';
import { officeDateTime, spanText } from '../dates';
import { CHANNEL_LABELS, ENTRY_MACHINE, EVENT_KIND_LABELS, REPAIR_SCOPE_LABELS, SATISFACTION_LABELS, URGENCY_LABELS, type DeadlineView, type EntryAction } from '../../shared/reception';
import { allowedActions, transitionOf } from '../../shared/state-machine';
import { usesDesk } from '../../shared/permissions';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { useBackButton } from '../components/useBackButton';
import { printHash } from '../print/route';
import { useSession } from '../session/SessionContext';
import { unitCardHash } from '../search/openers';
import { ActionModal } from './ActionModals';
import { go, receptionHash } from './route';
import { CategoryTag, EntryStateTag, TimeText } from './tags';
import { useOpenPrint } from './usePrint';
import { S } from './strings';

/** One entry: what came in, its deadlines, its complaint record, the timeline, and what can be done now. */
export function EntryDetailView(props: { entryId: number }) {
  const { entryId } = props;
  const { operator } = useSession();
  const { value: entry, error, reload } = useCommandResult('reception.get', { id: entryId });
  const [action, setAction] = useState<EntryAction | null>(null);
  const openPrint = useOpenPrint();
  const back = useBackButton(() => go(receptionHash.list));

  if (!entry) return <LoadState error={error} loading={S.detailLoading} back={back} onRetry={reload} />;

  // The preview reads the slip from the entry (补打, 作废) and counts it once it is printed.
  const print = () => openPrint(printHash('work-contact-slip', { serial: entry.no }));

  // Exactly what the server's state machine allows from this state for these roles; 主管已阅 also
  // only while a major matter awaits it.
  const buttons = allowedActions(ENTRY_MACHINE, entry.state, operator.roles).filter(
    (a) => a !== 'acknowledge' || (entry.urgency === 'major' && entry.supervisorAckAt === null),
  );
  // 报修派工: a repair entry becomes a 维修单 once (the repairs desk asks the category and time,
  // then opens the order); a linked entry shows its order's number instead. Routes, not imports:
  // a desk does not reach into another's folder.
  const { repairOrderNo } = entry;
  const toRepairOrder = entry.category === 'repair' && entry.state !== 'voided' && repairOrderNo === null && usesDesk(operator.roles, 'repairs');

  return (
    <div data-testid="entry-detail">
      <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" size="middle" wrap>
          {back}
          <Typography.Title level={3} style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>
            {entry.no}
          </Typography.Title>
          <EntryStateTag state={entry.state} />
          <CategoryTag category={entry.category} urgency={entry.urgency} />
          <TimeText time={entry.time} />
        </Space>
        <Space wrap aria-label={S.actions}>
          {buttons.map((a) => (
            <Button key={a} type={a === 'close' ? 'primary' : 'default'} danger={a === 'void'} onClick={() => setAction(a)}>
              {transitionOf(ENTRY_MACHINE, a).label}
            </Button>
          ))}
          {toRepairOrder && (
            <Button icon={<ToolOutlined aria-hidden />} onClick={() => go(`#/repairs/from-entry/${entry.id}`)}>
              {S.toRepairOrder}
            </Button>
          )}
          <Button icon={<PrinterOutlined aria-hidden />} onClick={print}>
            {S.actionPrint}
          </Button>
        </Space>
      </Space>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'receivedAt', label: S.fieldReceivedAt, children: officeDateTime(entry.receivedAt) },
          { key: 'channel', label: S.fieldChannel, children: CHANNEL_LABELS[entry.channel] },
          { key: 'urgency', label: S.fieldUrgency, children: entry.urgency === 'major' ? <Typography.Text type="danger">{URGENCY_LABELS.major}</Typography.Text> : URGENCY_LABELS.ordinary },
          {
            key: 'unit',
            label: S.fieldUnit,
            children: entry.unitId !== null ? <a href={unitCardHash(entry.unitId)}>{entry.unitCode}</a> : S.none,
          },
          { key: 'contact', label: S.fieldContact, children: entry.contactName || S.none },
          { key: 'phone', label: S.fieldPhone, children: entry.contactPhone || S.none },
          { key: 'handler', label: S.fieldHandler, children: entry.handlerLabel || S.none },
          { key: 'createdBy', label: S.fieldCreatedBy, children: entry.createdByName },
          ...(entry.repairScope ? [{ key: 'scope', label: S.fieldRepairScope, children: REPAIR_SCOPE_LABELS[entry.repairScope] }] : []),
          ...(repairOrderNo ? [{ key: 'repairOrder', label: S.fieldRepairOrder, children: <a href={`#/repairs/no/${repairOrderNo}`}>{repairOrderNo}</a> }] : []),
          ...(entry.escalatedAt ? [{ key: 'escalated', label: S.fieldEscalatedTo, children: <Escalation entry={entry} /> }] : []),
          ...(entry.urgency === 'major'
            ? [
                {
                  key: 'ack',
                  label: S.fieldSupervisorAck,
                  children: entry.supervisorAckAt ? officeDateTime(entry.supervisorAckAt) : <Typography.Text type="warning">{S.majorPendingAck}</Typography.Text>,
                },
              ]
            : []),
          ...(entry.printCount > 0 ? [{ key: 'printed', label: S.fieldPrintCount, children: S.printCount(entry.printCount) }] : []),
          { key: 'content', label: S.fieldContent, span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{entry.content}</span> },
          ...(entry.result ? [{ key: 'result', label: S.fieldResult, span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{entry.result}</span> }] : []),
          ...(entry.voidReason ? [{ key: 'void', label: S.fieldVoidReason, span: 'filled' as const, children: entry.voidReason }] : []),
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Deadlines entry={entry} />
          {entry.complaint && (
            <Card size="small" title={S.complaint} style={{ marginBottom: 16 }}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'no', label: S.complaintNo, children: entry.complaint.no },
                  { key: 'kind', label: S.complaintKind, children: S.complaintKinds[entry.complaint.kind] },
                  ...(entry.complaint.kind === 'complaint' ? [{ key: 'respondent', label: S.respondent, children: entry.complaint.respondent || S.none }] : []),
                  {
                    key: 'satisfaction',
                    label: S.satisfaction,
                    children: entry.complaint.satisfaction ? SATISFACTION_LABELS[entry.complaint.satisfaction] : S.satisfactionNone,
                  },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={S.timeline} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {S.timelineHint}
            </Typography.Paragraph>
            <Timeline
              data-testid="entry-timeline"
              items={entry.events.map((ev) => ({
                key: ev.id,
                title: officeDateTime(ev.at),
                content: (
                  <div>
                    <div>
                      <Tag style={{ marginInlineEnd: 6 }}>{EVENT_KIND_LABELS[ev.kind]}</Tag>
                      <Typography.Text type="secondary">{ev.operatorName}</Typography.Text>
                    </div>
                    {ev.text && <div style={{ whiteSpace: 'pre-wrap' }}>{ev.text}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {action && (
        <ActionModal
          action={action}
          entry={entry}
          onClose={() => setAction(null)}
          onDone={() => setAction(null)}
        />
      )}
    </div>
  );
}

/** To whom and when; for a superior chosen from the operators, whether their answer came. */
function Escalation(props: { entry: EntryDetail }) {
  const e = props.entry;
  const text = S.escalatedText(e.escalatedTo, officeDateTime(e.escalatedAt!));
  if (e.escalatedToOperatorId === null) return <>{text}</>;
  if (e.escalationAnsweredAt) return <>{`${text} · ${S.escalationAnswered(officeDateTime(e.escalationAnsweredAt))}`}</>;
  return (
    <>
      {text}
      {e.state === 'open' && <Typography.Text type="warning">{` · ${S.escalationAwaiting}`}</Typography.Text>}
    </>
  );
}

function Deadlines(props: { entry: EntryDetail }) {
  const serverNow = serverNowOf(props.entry);
  return (
    <Card size="small" title={S.deadlines} style={{ marginBottom: 16 }}>
      <Table<DeadlineView>
        size="small"
        aria-label={S.deadlines}
        rowKey="key"
        pagination={false}
        dataSource={props.entry.deadlines}
        columns={[
          { title: S.deadlines, dataIndex: 'label', width: 110 },
          { title: S.deadlineDue, dataIndex: 'dueAt', width: 140, render: (at: string) => officeDateTime(at) },
          {
            title: S.colState,
            key: 'state',
            render: (_: unknown, d) => <DeadlineState deadline={d} entry={props.entry} serverNow={serverNow} />,
          },
        ]}
      />
    </Card>
  );
}

/**
 * Met: when (red if late). Still owed on an open entry: "剩 …" / "超时 …" against the server's
 * clock at the moment it answered (worked out from its own time status), never this PC's, which
 * may differ. Not met when the entry was closed or voided: says so, and nothing counts down.
 */
function DeadlineState(props: { deadline: DeadlineView; entry: EntryDetail; serverNow: number }) {
  const d = props.deadline;
  switch (d.status) {
    case 'met':
      return (
        <Typography.Text type={d.late ? 'danger' : 'secondary'}>{d.late ? S.deadlineMetLate(officeDateTime(d.metAt!)) : S.deadlineMet(officeDateTime(d.metAt!))}</Typography.Text>
      );
    case 'unmet':
      if (props.entry.state === 'voided') return <Typography.Text type="secondary">{S.deadlineVoided}</Typography.Text>;
      return (
        <Typography.Text type={d.late ? 'danger' : 'secondary'}>
          {S.deadlineUnmetClosed(officeDateTime(props.entry.closedAt ?? d.dueAt), d.late)}
        </Typography.Text>
      );
    case 'owed': {
      const left = Date.parse(d.dueAt) - props.serverNow;
      const late = d.late || left < 0;
      return (
        <Typography.Text type={late ? 'danger' : undefined} strong={late}>
          {late ? S.deadlineOverdue(spanText(left)) : S.deadlineLeft(spanText(left))}
        </Typography.Text>
      );
    }
  }
}

/** The server's "now" when it computed the entry's time status. */
function serverNowOf(entry: EntryDetail): number {
  const { nextDueAt, msLeft } = entry.time;
  return nextDueAt !== null && msLeft !== null ? Date.parse(nextDueAt) - msLeft : Date.now();
}
