import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, Row, Space, Typography, type InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import type { GateCheck } from '../../shared/contract/passes';
import { PASS_TYPE_LABELS, passNoIn } from '../../shared/passes';
import { PrinterOutlined } from '@ant-design/icons';
import { afterToday, futureTimes, officeDateTime, officeTodayText, pickedToIso } from '../dates';
import { printHash } from '../print/route';
import { useOpenPrint } from '../print/useOpenPrint';
import { DUTY_LIST_FORM } from './print/forms';
import { LoadState } from '../components/LoadState';
import { useCommandForm } from '../components/forms';
import { useCommandResult } from '../components/useCommandResult';
import { useNotify } from '../components/notify';
import { useScanner } from '../components/useScanner';
import { VehicleFields, vehicleInput, type VehicleValues } from './VehicleFields';
import { vehicleText, windowText } from './texts';
import { PassStateTag } from './tags';
import { S } from './strings';

/**
 * 门岗放行: the guard's whole screen, and the front desk's 回单录入 from the guard's returned stub.
 * The number box holds the focus; typing the number and Enter, or scanning the pass's QR (its text
 * is the number) anywhere on the screen, loads the pass with its state large. One that may not go
 * out is refused in red with the server's reason and nothing to press. Otherwise the exit is
 * recorded (time, plate, driver) and each item line ticked: all ticked → 放行; any not → 拒绝放行
 * with what did not match, and a new pass must be issued.
 */
export function GateScreen(props: { initialNo?: string | null }) {
  // Each lookup is a fresh check (seq), even of the same number: a pass scanned again after it went out reads 已使用.
  const [lookup, setLookup] = useState<{ no: string; seq: number } | null>(props.initialNo ? { no: props.initialNo, seq: 0 } : null);
  const [text, setText] = useState(props.initialNo ?? '');
  const box = useRef<InputRef>(null);
  const openPrint = useOpenPrint();
  const load = (raw: string) => {
    const q = passNoIn(raw) ?? raw.trim();
    if (!q) return;
    setText(q);
    setLookup((last) => ({ no: q, seq: (last?.seq ?? 0) + 1 }));
  };
  // A scan's Enter reaches the box after the scanner has taken the code: that Enter is spent.
  const scanned = useRef(false);
  const clear = () => {
    setLookup(null);
    setText('');
    box.current?.focus();
  };
  // A scan anywhere on the screen loads its pass, and is the screen's alone: the front desk's counter
  // search (the guard has none) does not open over it. Focus goes back to the box for the next one.
  useScanner((code, scan) => {
    scanned.current = scan.field !== null && scan.field === box.current?.input;
    load(code);
    box.current?.focus();
    return 'taken';
  });

  return (
    <div data-testid="gate-screen" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && clear()}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {S.gateTitle}
      </Typography.Title>
      <Space.Compact style={{ width: 'min(560px, 100%)', marginBottom: 8 }}>
        <Input
          ref={box}
          size="large"
          autoFocus
          aria-label={S.gateNo}
          placeholder={S.gateNoPh}
          value={text}
          onChange={(e) => setText(e.target.value)}
          // onKeyDown, not antd's onPressEnter, which takes one Enter per key-up and a scan's burst may send none.
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            if (scanned.current) scanned.current = false;
            else load(e.currentTarget.value);
          }}
          style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }}
        />
        <Button size="large" onClick={() => load(text)}>
          {S.gateFind}
        </Button>
      </Space.Compact>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{`${S.gateIntro}${S.gateStub}`}</Typography.Text>
        {/* The day's duty list, kept at the gate with the forms (作业指导书: noted in the duty log). */}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => openPrint(printHash(DUTY_LIST_FORM, { serial: officeTodayText() }))}>
          {S.dutyPrintToday}
        </Button>
      </Space>
      {lookup && <GateCheckView key={lookup.seq} no={lookup.no} onNext={clear} />}
    </div>
  );
}

function GateCheckView(props: { no: string; onNext(): void }) {
  const { value, error } = useCommandResult('passes.byNumber', { q: props.no });
  if (!value) return <LoadState error={error} loading={S.gateLoading} minHeight={160} />;
  const { pass } = value;
  return (
    <div data-testid="gate-pass" data-may-release={value.mayRelease ? '1' : '0'}>
      <Space align="center" size="large" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }} data-testid="gate-pass-no">
          {pass.no}
        </Typography.Title>
        <PassStateTag state={pass.state} big />
      </Space>
      {value.lateStub && <Alert type="warning" showIcon data-testid="gate-late-stub" title={S.gateLateStub} style={{ marginBottom: 16 }} />}
      {!value.mayRelease && !value.lateStub && (
        <Alert
          type="error"
          showIcon
          data-testid="gate-refusal"
          title={<span style={{ fontSize: 22 }}>{`${S.gateMayNot}：${value.reason ?? ''}`}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: S.fieldUnit, children: pass.unitCode },
          { key: 'type', label: S.fieldType, children: PASS_TYPE_LABELS[pass.type] },
          { key: 'applicant', label: S.fieldApplicant, children: pass.applicantName },
          { key: 'valid', label: S.fieldValid, children: windowText(pass) },
          { key: 'vehicle', label: S.fieldVehicle, children: vehicleText(pass) },
          ...(pass.gate ? [{ key: 'gate', label: pass.state === 'refused' ? S.fieldRefusal : S.fieldExit, children: S.gateText(officeDateTime(pass.gate.at), pass.gate.guardName, vehicleText(pass.gate), pass.gate.notes) }] : []),
        ]}
      />
      {(value.mayRelease || value.lateStub) && <ReleaseForm check={value} onNext={props.onNext} />}
    </div>
  );
}

interface GateValues extends VehicleValues {
  exitAt: Dayjs | null;
  notes: string;
}

function ReleaseForm(props: { check: GateCheck; onNext(): void }) {
  const { pass } = props.check;
  const [form] = Form.useForm<GateValues>();
  const notify = useNotify();
  const release = useCommandForm(form, 'passes.release');
  const refuse = useCommandForm(form, 'passes.refuse');
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const allChecked = pass.items.every((l) => checked.has(l.id));
  const toggle = (id: number, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const common = (v: GateValues) => ({ id: pass.id, exitAt: v.exitAt ? pickedToIso(v.exitAt) : null, ...vehicleInput(v) });
  const onFinish = async (v: GateValues) => {
    if (allChecked) {
      const result = await release.submit({ ...common(v), checkedItemIds: [...checked], notes: v.notes ?? '' });
      if (result.ok) notify.success(S.gateReleased(pass.no));
      return;
    }
    if (!(v.notes ?? '').trim()) return form.setFields([{ name: 'notes', errors: [S.gateRefuseNotesRequired] }]);
    const mismatchedItemIds = pass.items.filter((l) => !checked.has(l.id)).map((l) => l.id);
    const result = await refuse.submit({ ...common(v), mismatchedItemIds, notes: v.notes ?? '' });
    if (result.ok) notify.success(S.gateRefused(pass.no));
  };

  return (
    <Form<GateValues>
      {...release.formProps}
      layout="vertical"
      autoComplete="off"
      initialValues={{ exitAt: null, plate: pass.plate ?? '', driverName: pass.driverName, driverIdTail: pass.driverIdTail, notes: '' }}
      onFinish={(v) => void onFinish(v)}
      data-testid="gate-form"
    >
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={S.gateItems} style={{ marginBottom: 16 }}>
            <div role="group" aria-label={S.gateItems} data-testid="gate-items">
              {pass.items.map((l) => (
                <div key={l.id} style={{ padding: '6px 0', fontSize: 18 }}>
                  <Checkbox checked={checked.has(l.id)} onChange={(e) => toggle(l.id, e.target.checked)} aria-label={S.gateItemCheck(l.name)}>
                    <span style={{ fontSize: 18 }}>{`${l.lineNo}. ${l.name}  ${l.quantity} ${l.unit}`}</span>
                  </Checkbox>
                </div>
              ))}
            </div>
            <Typography.Text type={allChecked ? 'success' : 'warning'} data-testid="gate-items-state">
              {allChecked ? S.gateAllChecked : S.gateRefuseHint}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label={S.gateExitAt} name="exitAt" extra={props.check.lateStub ? undefined : S.gateExitNow} rules={props.check.lateStub ? [{ required: true, message: S.gateExitRequired }] : []}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={afterToday} disabledTime={futureTimes} aria-label={S.gateExitAt} />
          </Form.Item>
          <VehicleFields />
          <Form.Item label={allChecked ? S.note : S.gateRefuseNotes} name="notes" required={!allChecked}>
            <Input maxLength={300} placeholder={allChecked ? '' : S.gateRefuseNotesPh} />
          </Form.Item>
          <Space>
            {allChecked ? (
              <Button type="primary" size="large" htmlType="submit" loading={release.submitting}>
                {S.gateRelease}
              </Button>
            ) : (
              <Button danger type="primary" size="large" htmlType="submit" loading={refuse.submitting}>
                {S.gateRefuse}
              </Button>
            )}
            <Button size="large" onClick={props.onNext}>
              {S.gateNext}
            </Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
