import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { MaterialLine, OrderDeadlineView, OrderDetail } from '../../shared/contract/repairs';
import { formatYuan } from '../../shared/money';
import { BILL_STATE_LABELS, ORDER_EVENT_LABELS, ORDER_MACHINE, ORDER_SCOPE_LABELS, quantityText, SATISFACTION_LABELS, SIGNER_LABELS } from '../../shared/repairs';
import { transitionOf } from '../../shared/state-machine';
import { officeDateTime } from '../dates';
import { LoadState } from '../components/LoadState';
import { useBackButton } from '../components/useBackButton';
import { useCommandResult } from '../components/useCommandResult';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { unitCardHash } from '../search/openers';
import { useSession } from '../session/SessionContext';
import { ActionModal, offeredActions, type OfferedAction } from './ActionModals';
import { ORDER_SLIP_FORM } from './print/forms';
import { go, repairsHash } from './route';
import { OrderStateTag, OrderTimeText } from './tags';
import { S } from './strings';

/** One order: what was reported, its deadlines, its materials and bill, the timeline, and what can be done now. */
export function OrderDetailView(props: { orderId: number }) {
  const { operator } = useSession();
  const { value: order, error, reload } = useCommandResult('repairs.get', { id: props.orderId });
  const [action, setAction] = useState<OfferedAction | null>(null);
  const back = useBackButton(() => go(repairsHash.list));
  const openPrint = useOpenPrint();

  if (!order) return <LoadState error={error} loading={S.detailLoading} back={back} onRetry={reload} />;

  // The preview reads the slip from the order (补打, 作废, the phone as settings say) and counts it once printed.
  const print = () => openPrint(printHash(ORDER_SLIP_FORM, { serial: order.no }));
  const buttons = offeredActions(order, operator.roles);

  return (
    <div data-testid="order-detail">
      <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" size="middle" wrap>
          {back}
          <Typography.Title level={3} style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }} data-testid="order-no">
            {order.no}
          </Typography.Title>
          <OrderStateTag state={order.state} />
          <Tag>{order.categoryLabel}</Tag>
          {order.emergency && <Tag color="red">{S.emergency}</Tag>}
          <OrderTimeText time={order.time} />
        </Space>
        <Space wrap aria-label={S.actions}>
          {buttons.map((a) => (
            <Button key={a} type={a === 'dispatch' || a === 'complete' || a === 'callback' ? 'primary' : 'default'} danger={a === 'void'} onClick={() => setAction(a)}>
              {transitionOf(ORDER_MACHINE, a).label}
            </Button>
          ))}
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
          { key: 'openedAt', label: S.fieldOpenedAt, children: officeDateTime(order.openedAt) },
          { key: 'scope', label: S.fieldScope, children: ORDER_SCOPE_LABELS[order.scope] },
          order.unitId !== null
            ? { key: 'unit', label: S.fieldUnit, children: <a href={unitCardHash(order.unitId)}>{order.unitCode}</a> }
            : { key: 'location', label: S.fieldLocation, children: order.location || S.none },
          { key: 'contact', label: S.fieldContact, children: order.contactName || S.none },
          { key: 'phone', label: S.fieldPhone, children: order.contactPhone || S.none },
          { key: 'appointment', label: S.fieldAppointment, children: order.appointmentAt ? officeDateTime(order.appointmentAt) : S.none },
          { key: 'technician', label: S.fieldTechnician, children: order.technicianLabel || S.none },
          { key: 'charge', label: S.fieldCharge, children: order.chargeable ? S.chargeable : S.free },
          {
            key: 'entry',
            label: S.fieldEntry,
            children: order.entryId !== null ? <a href={`#/reception/entry/${order.entryId}`}>{order.entryNo}</a> : S.none,
          },
          ...(order.round > 1 ? [{ key: 'round', label: S.fieldRound, children: S.roundText(order.round) }] : []),
          ...(order.printCount > 0 ? [{ key: 'printed', label: S.fieldPrintCount, children: S.printCount(order.printCount) }] : []),
          { key: 'description', label: S.fieldDescription, span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{order.description}</span> },
          ...(order.chargeItems ? [{ key: 'items', label: S.fieldChargeItems, span: 'filled' as const, children: order.chargeItems }] : []),
          ...(order.state === 'paused' && order.pauseReason ? [{ key: 'pause', label: S.fieldPauseReason, span: 'filled' as const, children: order.pauseReason }] : []),
          ...(order.voidReason ? [{ key: 'void', label: S.fieldVoidReason, span: 'filled' as const, children: order.voidReason }] : []),
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Deadlines order={order} />
          <Materials order={order} />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={S.timeline} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="order-timeline"
              items={order.events.map((ev) => ({
                key: ev.id,
                title: officeDateTime(ev.at),
                content: (
                  <div>
                    <div>
                      <Tag style={{ marginInlineEnd: 6 }}>{ORDER_EVENT_LABELS[ev.kind]}</Tag>
                      <Typography.Text type="secondary">{[ev.operatorName, ev.technicianName].filter(Boolean).join(' · ')}</Typography.Text>
                      {ev.lateMinutes !== null && (
                        <Tag color={ev.lateMinutes > 0 ? 'red' : 'green'} style={{ marginInlineStart: 6 }}>
                          {ev.lateMinutes > 0 ? S.lateTag(ev.lateMinutes) : S.onTimeTag}
                        </Tag>
                      )}
                    </div>
                    {ev.text && <div style={{ whiteSpace: 'pre-wrap' }}>{ev.text}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {action && <ActionModal action={action} order={order} onClose={() => setAction(null)} />}
    </div>
  );
}

/** Each time rule of the current round: met (late in red, with the minutes kept for the reports) or still owed. */
function Deadlines(props: { order: OrderDetail }) {
  const { order } = props;
  // The lateness the server kept with the step that met each deadline.
  const lateBy = new Map(order.events.filter((e) => e.deadline !== null && e.lateMinutes !== null).map((e) => [e.deadline, e.lateMinutes!]));
  return (
    <Card size="small" title={S.deadlines} style={{ marginBottom: 16 }}>
      <Table<OrderDeadlineView>
        size="small"
        aria-label={S.deadlines}
        data-testid="order-deadlines"
        rowKey="key"
        pagination={false}
        dataSource={order.deadlines}
        columns={[
          { title: S.deadlines, dataIndex: 'label', width: 100 },
          { title: S.deadlineDue, dataIndex: 'dueAt', width: 140, render: (at: string) => officeDateTime(at) },
          {
            title: S.deadlineState,
            key: 'state',
            render: (_: unknown, d) => {
              const s = d.status;
              if (s.kind === 'met_on_time') return <Typography.Text type="secondary">{S.deadlineMet(officeDateTime(d.metAt!))}</Typography.Text>;
              if (s.kind === 'met_late')
                return (
                  <Typography.Text type="danger" data-late="1">
                    {S.deadlineMetLate(officeDateTime(d.metAt!), lateBy.get(d.key) ?? Math.ceil(s.msLate / 60_000))}
                  </Typography.Text>
                );
              if (order.state === 'paused' || order.state === 'closed' || order.state === 'voided') return <Typography.Text type="secondary">{S.deadlineStopped}</Typography.Text>;
              return (
                <Typography.Text type={s.kind === 'overdue' ? 'danger' : undefined} strong={s.kind === 'overdue'}>
                  {s.text}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

/** The returned slip's material lines, labour, total, the bill and the sign-off. */
function Materials(props: { order: OrderDetail }) {
  const o = props.order;
  return (
    <Card size="small" title={S.materials} style={{ marginBottom: 16 }} data-testid="order-materials">
      <Table<MaterialLine>
        size="small"
        aria-label={S.materials}
        rowKey={(_, i) => String(i)}
        pagination={false}
        locale={{ emptyText: S.noMaterials }}
        dataSource={o.materials}
        columns={[
          { title: S.matName, dataIndex: 'name' },
          { title: S.matSpec, dataIndex: 'spec' },
          { title: S.matModel, dataIndex: 'model' },
          { title: S.matQuantity, key: 'q', align: 'right', render: (_: unknown, l) => `${quantityText(l.quantity)}${l.unit}` },
          { title: S.matPrice, key: 'p', align: 'right', render: (_: unknown, l) => formatYuan(l.unitPriceFen) },
          { title: S.matAmount, key: 'a', align: 'right', render: (_: unknown, l) => formatYuan(l.amountFen) },
        ]}
      />
      <Descriptions
        size="small"
        column={2}
        style={{ marginTop: 8 }}
        items={[
          { key: 'materials', label: S.materialsTotal, children: formatYuan(o.materialsFen) },
          { key: 'labour', label: S.labour, children: formatYuan(o.labourFen) },
          { key: 'total', label: S.total, children: <strong>{formatYuan(o.totalFen)}</strong> },
          {
            key: 'bill',
            label: S.billState,
            children:
              o.amountDueFen !== null && o.billState ? (
                <span data-testid="order-bill" data-bill-state={o.billState}>
                  {`${S.amountDue} ${formatYuan(o.amountDueFen)} · ${BILL_STATE_LABELS[o.billState]}`}
                </span>
              ) : (
                S.billNone
              ),
          },
          ...(o.signer ? [{ key: 'signer', label: S.signedBy, children: `${SIGNER_LABELS[o.signer]} ${o.signerName}` }] : []),
          ...(o.satisfaction ? [{ key: 'sat', label: S.signOff, children: SATISFACTION_LABELS[o.satisfaction] }] : []),
          ...(o.callback
            ? [
                {
                  key: 'callback',
                  label: S.callback,
                  span: 2,
                  children: `${officeDateTime(o.callback.at)} ${S.callbackText(SATISFACTION_LABELS[o.callback.result], SATISFACTION_LABELS[o.callback.process], SATISFACTION_LABELS[o.callback.person])}${o.callback.notes ? `：${o.callback.notes}` : ''}`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
