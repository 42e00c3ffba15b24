import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { PassDetail, PassItem } from '../../shared/contract/passes';
import type { CommandOutput } from '../../shared/contract';
import { formatYuan } from '../../shared/money';
import { APPLICANT_TYPE_LABELS, CONFIRMATION_METHOD_LABELS, PASS_EVENT_LABELS, PASS_TYPE_LABELS } from '../../shared/passes';
import type { CommandError } from '../../shared/result';
import { call } from '../api/client';
import { officeDateTime } from '../dates';
import { LoadState } from '../components/LoadState';
import { useBackButton } from '../components/useBackButton';
import { useCommandResult } from '../components/useCommandResult';
import { useNotify } from '../components/notify';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { unitCardHash } from '../search/openers';
import { PassActionModal, type PassModalAction } from './PassActionModals';
import { PASS_FORM } from './print/forms';
import { go, passesHash } from './route';
import { PassStateTag } from './tags';
import { vehicleText, windowText } from './texts';
import { S } from './strings';


/**
 * One pass: what was applied for, the unit's unpaid bills before approval (the fees desk's
 * fees.unpaid — approval is refused while there are any, unless a supervisor's 特批), the buttons
 * the server says this operator may press now, and each transition with who and when.
 */
export function PassDetailView(props: { passId: number }) {
  const { value: pass, error, reload } = useCommandResult('passes.get', { id: props.passId });
  const [action, setAction] = useState<PassModalAction | null>(null);
  const [refusal, setRefusal] = useState<CommandError | null>(null);
  const [approving, setApproving] = useState(false);
  const notify = useNotify();
  const back = useBackButton(() => go(passesHash.list));
  const openPrint = useOpenPrint();

  if (!pass) return <LoadState error={error} loading={S.detailLoading} back={back} onRetry={reload} />;

  const may = new Set(pass.actions);
  const approve = async () => {
    setApproving(true);
    const result = await call('passes.approve', { id: pass.id });
    setApproving(false);
    // The refusal (arrears) stays on the screen beside the bills, in the server's words.
    setRefusal(result.ok ? null : result.error);
    if (result.ok) notify.success(S.done);
  };

  return (
    <div data-testid="pass-detail">
      <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" size="middle" wrap>
          {back}
          <Typography.Title level={3} style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }} data-testid="pass-no">
            {pass.no}
          </Typography.Title>
          <PassStateTag state={pass.state} />
          <Tag>{PASS_TYPE_LABELS[pass.type]}</Tag>
          {pass.overridden && <Tag color="volcano">{S.fieldOverride}</Tag>}
        </Space>
        <Space wrap aria-label={S.actions}>
          {may.has('approve') && (
            <Button type="primary" loading={approving} onClick={() => void approve()}>
              {S.actionApprove}
            </Button>
          )}
          {may.has('approve') && <Button onClick={() => setAction('override')}>{S.actionOverride}</Button>}
          {may.has('release') && <Button onClick={() => go(passesHash.gateNo(pass.no))}>{S.actionGate}</Button>}
          {/* Approved, then past its window with no gate record: the guard's stub may still come back (the gate screen checks). */}
          {pass.state === 'expired' && pass.approvedAt && !pass.gate && !pass.reissuedAs && <Button onClick={() => go(passesHash.gateNo(pass.no))}>{S.actionLateStub}</Button>}
          {may.has('reissue') && <Button onClick={() => setAction('reissue')}>{S.actionReissue}</Button>}
          {may.has('void') && (
            <Button danger onClick={() => setAction('void')}>
              {S.actionVoid}
            </Button>
          )}
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(PASS_FORM, { serial: pass.no }))}>
            {S.actionPrint}
          </Button>
        </Space>
      </Space>
      {refusal && pass.state === 'pending' && <Alert type="error" showIcon data-testid="approve-refusal" title={refusal.message} style={{ marginBottom: 12 }} />}
      {pass.state === 'pending' && may.has('approve') && <Arrears unitId={pass.unitId} />}
      <PassFacts pass={pass} />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <ItemsCard items={pass.items} mismatched={pass.gate?.mismatchedItemIds ?? []} />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={S.timeline} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="pass-timeline"
              items={pass.events.map((ev) => ({
                key: ev.id,
                title: officeDateTime(ev.at),
                content: (
                  <div data-kind={ev.kind}>
                    <Tag style={{ marginInlineEnd: 6 }}>{PASS_EVENT_LABELS[ev.kind]}</Tag>
                    <Typography.Text type="secondary">{ev.operatorName}</Typography.Text>
                    {ev.text && <div style={{ whiteSpace: 'pre-wrap' }}>{ev.text}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {action && <PassActionModal action={action} pass={pass} onClose={() => setAction(null)} />}
    </div>
  );
}

/** A bill as the fees desk's fees.unpaid answers it (through the contract, not the fees desk's own files). */
type UnpaidBill = CommandOutput<'fees.unpaid'>['bills'][number];

/** The unit's unpaid bills, read fresh from the fees desk (a payment there refreshes it). */
function Arrears(props: { unitId: number }) {
  const { value, error } = useCommandResult('fees.unpaid', { unitId: props.unitId }, { refreshOn: ['fees'] });
  if (error) return <Alert type="warning" showIcon title={error.message} style={{ marginBottom: 12 }} />;
  if (!value) return null;
  const total = formatYuan(value.totalFen + value.lateFeeFen);
  return (
    <Card size="small" title={S.arrearsTitle} style={{ marginBottom: 16 }} data-testid="pass-arrears" data-unpaid={value.bills.length}>
      {value.bills.length === 0 ? (
        <Alert type="success" showIcon title={S.arrearsNone} />
      ) : (
        <>
          <Alert type="warning" showIcon title={S.arrearsBlock(total, value.monthsOverdue)} style={{ marginBottom: 8 }} />
          <Table<UnpaidBill>
            size="small"
            aria-label={S.arrearsTitle}
            rowKey="id"
            pagination={false}
            dataSource={value.bills}
            columns={[
              { title: S.arrearsPeriod, dataIndex: 'period', width: 110 },
              { title: S.arrearsItem, dataIndex: 'item' },
              { title: S.arrearsMonths, dataIndex: 'monthsOverdue', width: 90, align: 'right' },
              { title: S.arrearsAmount, key: 'amount', width: 120, align: 'right', render: (_: unknown, b) => formatYuan(b.amountFen) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4} align="right">
                  <strong data-testid="arrears-total">{S.arrearsTotal(total)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </Card>
  );
}

function PassFacts(props: { pass: PassDetail }) {
  const p = props.pass;
  const c = p.ownerConfirmation;
  const a = p.authorisation;
  const approval = p.approval;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'unit', label: S.fieldUnit, children: <a href={unitCardHash(p.unitId)}>{p.unitCode}</a> },
        {
          key: 'applicant',
          label: S.fieldApplicant,
          children: [`${p.applicantName}（${APPLICANT_TYPE_LABELS[p.applicantType]}）`, p.applicantPhone, p.applicantIdTail ? `证件尾号 ${p.applicantIdTail}` : ''].filter(Boolean).join(' · '),
        },
        { key: 'planned', label: S.fieldPlanned, children: officeDateTime(p.plannedAt) },
        { key: 'valid', label: S.fieldValid, children: windowText(p) },
        { key: 'vehicle', label: S.fieldVehicle, children: vehicleText(p) },
        ...(c ? [{ key: 'confirm', label: S.fieldConfirm, children: `${c.ownerName} · ${CONFIRMATION_METHOD_LABELS[c.method]} · ${officeDateTime(c.at)}${c.takenBy ? ` · ${c.takenBy}` : ''}` }] : []),
        ...(a ? [{ key: 'auth', label: S.fieldAuthorisation, children: `${a.ownerName} · ${a.signedOn}${a.note ? ` · ${a.note}` : ''}` }] : []),
        ...(p.releaseCertificateNo ? [{ key: 'cert', label: S.fieldCertificate, children: p.releaseCertificateNo }] : []),
        ...(approval ? [{ key: 'approval', label: S.fieldApprover, children: `${approval.byName} · ${officeDateTime(approval.at)}` }] : []),
        ...(approval?.override
          ? [
              {
                key: 'override',
                label: S.fieldOverride,
                span: 'filled' as const,
                children: S.overrideText(approval.override.approverName, approval.override.reason, formatYuan(approval.override.unpaidFen), approval.override.unpaidCount),
              },
            ]
          : []),
        ...(p.gate ? [{ key: 'gate', label: p.state === 'refused' ? S.fieldRefusal : S.fieldExit, span: 'filled' as const, children: S.gateText(officeDateTime(p.gate.at), p.gate.guardName, vehicleText(p.gate), p.gate.notes) }] : []),
        ...(p.voidReason ? [{ key: 'void', label: S.fieldVoid, span: 'filled' as const, children: p.voidReason }] : []),
        ...(p.reissuedFrom ? [{ key: 'from', label: S.fieldReissuedFrom, children: <a href={passesHash.pass(p.reissuedFrom.id)}>{p.reissuedFrom.no}</a> }] : []),
        ...(p.reissuedAs ? [{ key: 'as', label: S.fieldReissuedAs, children: <a href={passesHash.pass(p.reissuedAs.id)}>{p.reissuedAs.no}</a> }] : []),
        ...(p.printCount > 0 ? [{ key: 'prints', label: S.fieldPrints, children: S.printCount(p.printCount) }] : []),
        ...(p.notes ? [{ key: 'notes', label: S.fieldNote, span: 'filled' as const, children: p.notes }] : []),
      ]}
    />
  );
}

/** The item lines; those the gate found not matching marked red. */
function ItemsCard(props: { items: PassItem[]; mismatched: number[] }) {
  const bad = new Set(props.mismatched);
  return (
    <Card size="small" title={S.items} style={{ marginBottom: 16 }}>
      <Table<PassItem>
        size="small"
        aria-label={S.items}
        data-testid="pass-item-table"
        rowKey="id"
        pagination={false}
        dataSource={props.items}
        columns={[
          { title: S.printItemNo, dataIndex: 'lineNo', width: 60 },
          { title: S.itemName, dataIndex: 'name', render: (name: string, l) => (bad.has(l.id) ? <Typography.Text type="danger">{`${name}（${S.mismatched}）`}</Typography.Text> : name) },
          { title: S.itemQuantity, key: 'q', width: 90, align: 'right', render: (_: unknown, l) => `${l.quantity} ${l.unit}` },
        ]}
      />
    </Card>
  );
}
