import { useEffect } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { OrderDetail } from '../../shared/contract/repairs';
import type { CommandName, CommandOutput } from '../../shared/contract';
import { formatYuan } from '../../shared/money';
import { ORDER_MACHINE, orderCharge, SATISFACTIONS, SATISFACTION_LABELS, SIGNERS, SIGNER_LABELS, type OrderAction, type Satisfaction, type Signer } from '../../shared/repairs';
import { allowedActions, transitionOf } from '../../shared/state-machine';
import type { Role } from '../../shared/roles';
import type { Result } from '../../shared/result';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { MoneyInput, moneyRule } from '../components/MoneyInput';
import type { MoneyValue } from '../components/moneyValue';
import { useNotify } from '../components/notify';
import { afterToday, futureTimes, pickedToIso } from '../dates';
import { quantityHundredths } from './quantity';
import { TechnicianPicker } from './TechnicianPicker';
import { S } from './strings';

/** The command behind each action: one per transition, `repairs.<action>` (shared/contract/repairs.ts). */
const commandOf = (action: OrderAction) => `repairs.${action}` as const;

export type OfferedAction = OrderAction;

/**
 * Exactly what the server's state machine allows from this state for these roles; 关闭 of an 入户
 * order only once its call-back is recorded (the handler refuses it before).
 */
export function offeredActions(order: OrderDetail, roles: readonly Role[]): OfferedAction[] {
  return allowedActions(ORDER_MACHINE, order.state, roles).filter((a) => !(a === 'close' && order.scope === 'in_home' && order.state === 'completed'));
}

interface ActionProps {
  order: OrderDetail;
  onClose(): void;
}

/** One command, one dialog: submit, toast, close (the write announces itself; the order, the lists and the badge refresh). */
function useAction<N extends CommandName>(name: N, props: ActionProps) {
  const [form] = Form.useForm();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, name);
  const finish = (result: Result<CommandOutput<N>>) => {
    if (!result.ok) return;
    notify.success(S.done);
    props.onClose();
  };
  return { form, submit, submitting, formProps, finish };
}

export function ActionModal(props: ActionProps & { action: OfferedAction }) {
  switch (props.action) {
    case 'dispatch':
      return <DispatchModal {...props} />;
    case 'transfer':
      return <TransferModal {...props} />;
    case 'return':
    case 'review':
    case 'pause':
    case 'void':
    case 'reopen':
      return <ReasonModal {...props} action={props.action} />;
    case 'arrive':
    case 'back':
      return <ReportedTimeModal {...props} action={props.action} />;
    case 'start':
    case 'resume':
    case 'submit':
    case 'close':
      return <ConfirmModal {...props} action={props.action} />;
    case 'complete':
      return <CompleteModal {...props} />;
    case 'callback':
      return <CallbackModal {...props} />;
  }
}

const label = (action: OrderAction) => transitionOf(ORDER_MACHINE, action).label;

const DATE_TIME = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } } as const;

function DispatchModal(props: ActionProps) {
  const a = useAction('repairs.dispatch', props);
  return (
    <FormModal<{ technicianId: number | null; appointmentAt: Dayjs | null }>
      title={`${label('dispatch')} ${props.order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ technicianId: null, appointmentAt: null }}
      onFinish={async (v) => {
        if (!v.technicianId) return a.form.setFields([{ name: 'technicianId', errors: [S.technicianRequired] }]);
        a.finish(await a.submit({ id: props.order.id, technicianId: v.technicianId, appointmentAt: v.appointmentAt ? pickedToIso(v.appointmentAt) : null }));
      }}
    >
      <Form.Item label={S.technician} name="technicianId" required>
        <TechnicianPicker autoFocus />
      </Form.Item>
      <Form.Item label={S.appointment} name="appointmentAt" extra={S.appointmentKeep}>
        <DatePicker {...DATE_TIME} />
      </Form.Item>
    </FormModal>
  );
}

function TransferModal(props: ActionProps) {
  const a = useAction('repairs.transfer', props);
  return (
    <FormModal<{ technicianId: number | null; reason: string }>
      title={`${label('transfer')} ${props.order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ technicianId: null, reason: '' }}
      onFinish={async (v) => {
        if (!v.technicianId) return a.form.setFields([{ name: 'technicianId', errors: [S.technicianRequired] }]);
        a.finish(await a.submit({ id: props.order.id, technicianId: v.technicianId, reason: v.reason ?? '' }));
      }}
    >
      <Form.Item label={S.technician} name="technicianId" required>
        <TechnicianPicker autoFocus exclude={props.order.technicianId} />
      </Form.Item>
      <Form.Item label={S.reason} name="reason" required>
        <Input maxLength={200} placeholder={S.reasonPh.transfer} />
      </Form.Item>
    </FormModal>
  );
}

type ReasonAction = 'return' | 'review' | 'pause' | 'void' | 'reopen';

/** 退单, 技术评审, 暂停, 作废, 重新派修: each needs a reason; 作废 says plainly that it cannot be undone. */
function ReasonModal(props: ActionProps & { action: ReasonAction }) {
  const a = useAction(commandOf(props.action), props);
  return (
    <FormModal<{ reason: string }>
      title={`${label(props.action)} ${props.order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ reason: '' }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.order.id, reason: v.reason ?? '' }))}
    >
      {props.action === 'void' && <Alert type="warning" showIcon title={S.voidConfirm(props.order.no)} style={{ marginBottom: 16 }} />}
      {props.action === 'reopen' && <Alert type="info" showIcon title={S.reopenHint} style={{ marginBottom: 16 }} />}
      <Form.Item label={S.reason} name="reason" required>
        <Input autoFocus maxLength={200} placeholder={S.reasonPh[props.action]} />
      </Form.Item>
    </FormModal>
  );
}

/** 到场 and 评审后返场: the time the technician reported (by phone or on the slip), now when left empty. */
function ReportedTimeModal(props: ActionProps & { action: 'arrive' | 'back' }) {
  const a = useAction(commandOf(props.action), props);
  return (
    <FormModal<{ at: Dayjs | null }>
      title={`${label(props.action)} ${props.order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ at: null }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.order.id, at: v.at ? pickedToIso(v.at) : null }))}
    >
      <Typography.Paragraph>{`${S.fieldTechnician}：${props.order.technicianLabel || S.none}`}</Typography.Paragraph>
      <Form.Item label={S.reportedAt} name="at" extra={S.reportedAtHelp}>
        <DatePicker {...DATE_TIME} autoFocus disabledDate={afterToday} disabledTime={futureTimes} />
      </Form.Item>
    </FormModal>
  );
}

/** 开始维修, 恢复, 提交验收, 关闭: nothing to fill in, one Enter. */
function ConfirmModal(props: ActionProps & { action: 'start' | 'resume' | 'submit' | 'close' }) {
  const a = useAction(commandOf(props.action), props);
  return (
    <FormModal<Record<string, never>>
      title={`${label(props.action)} ${props.order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      onFinish={async () => a.finish(await a.submit({ id: props.order.id }))}
    >
      <Typography.Paragraph>{S.confirmText(label(props.action), props.order.no)}</Typography.Paragraph>
    </FormModal>
  );
}

interface LineValues {
  name: string;
  spec: string;
  model: string;
  unit: string;
  quantity: string;
  unitPriceFen: MoneyValue;
}
interface CompleteValues {
  materials: LineValues[];
  labourFen: MoneyValue;
  materialsConfirmed: boolean;
  signer: Signer;
  signerName: string;
  satisfaction: Satisfaction | undefined;
  note: string;
}

const EMPTY_LINE: LineValues = { name: '', spec: '', model: '', unit: '', quantity: '', unitPriceFen: null };
const fenOf = (v: MoneyValue) => (typeof v === 'number' ? v : 0);

/**
 * 回单录入 from the paper slip: material lines (Tab through name, spec, model, unit, quantity,
 * price; Alt+N adds the next line and puts the focus in it), labour, the total as it will be
 * billed, who signed and how satisfied. 有偿 orders put the total on the unit as an unpaid bill.
 */
function CompleteModal(props: ActionProps) {
  const { order } = props;
  const a = useAction('repairs.complete', props);
  const lines = (Form.useWatch('materials', a.form) as LineValues[] | undefined) ?? [];
  const labour = Form.useWatch('labourFen', a.form) as MoneyValue;
  const charge = orderCharge(
    lines.map((l) => ({ quantity: quantityHundredths(l?.quantity) ?? 0, unitPriceFen: fenOf(l?.unitPriceFen) })),
    fenOf(labour),
  );
  const addLine = () => {
    const current = (a.form.getFieldValue('materials') as LineValues[] | undefined) ?? [];
    a.form.setFieldValue('materials', [...current, { ...EMPTY_LINE }]);
    // Focus the new line's name once it is drawn.
    window.setTimeout(() => document.getElementById(`repairs-complete_materials_${current.length}_name`)?.focus(), 0);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && e.code === 'KeyN') {
        e.preventDefault();
        addLine();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <FormModal<CompleteValues>
      title={`${label('complete')} ${order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{
        materials: [{ ...EMPTY_LINE }],
        labourFen: 0,
        materialsConfirmed: false,
        signer: order.scope === 'public' ? 'officer' : 'owner',
        signerName: order.scope === 'in_home' ? order.contactName : '',
        satisfaction: undefined,
        note: '',
      }}
      onFinish={async (v) => {
        // Lines left completely empty are the spare rows of the form, not materials.
        const filled = (v.materials ?? []).map((l, i) => ({ l, i })).filter(({ l }) => l.name || l.quantity || l.unitPriceFen !== null);
        const bad = filled.filter(({ l }) => quantityHundredths(l.quantity) === null);
        if (bad.length) return a.form.setFields(bad.map(({ i }) => ({ name: ['materials', i, 'quantity'], errors: [S.quantityBad] })));
        a.finish(
          await a.submit({
            id: order.id,
            materials: filled.map(({ l }) => ({
              name: l.name ?? '',
              spec: l.spec ?? '',
              model: l.model ?? '',
              unit: l.unit ?? '',
              quantity: quantityHundredths(l.quantity)!,
              unitPriceFen: l.unitPriceFen as number,
            })),
            labourFen: fenOf(v.labourFen),
            materialsConfirmed: !!v.materialsConfirmed,
            signer: v.signer,
            signerName: v.signerName ?? '',
            satisfaction: v.satisfaction as Satisfaction,
            note: v.note ?? '',
          }),
        );
      }}
    >
      <Typography.Paragraph type="secondary">{S.completeHint}</Typography.Paragraph>
      <Form.List name="materials">
        {(fields, { remove }) => (
          <div data-testid="material-lines">
            {fields.map((f, i) => (
              <Space key={f.key} align="start" size={4} wrap={false} style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`${S.matName} ${i + 1}`} placeholder={S.matName} maxLength={40} style={{ width: 110 }} autoFocus={i === 0} />
                </Form.Item>
                <Form.Item name={[f.name, 'spec']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`${S.matSpec} ${i + 1}`} placeholder={S.matSpec} maxLength={40} style={{ width: 70 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'model']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`${S.matModel} ${i + 1}`} placeholder={S.matModel} maxLength={40} style={{ width: 70 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'unit']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`${S.matUnit} ${i + 1}`} placeholder={S.matUnit} maxLength={8} style={{ width: 48 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} style={{ marginBottom: 8 }}>
                  <Input aria-label={`${S.matQuantity} ${i + 1}`} placeholder={S.matQuantity} inputMode="decimal" style={{ width: 60 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'unitPriceFen']} rules={[moneyRule({ allowZero: true })]} style={{ marginBottom: 8 }}>
                  <MoneyInput aria-label={`${S.matPrice} ${i + 1}`} placeholder={S.matPrice} allowZero style={{ width: 90 }} />
                </Form.Item>
                <Button aria-label={`${S.removeLine} ${i + 1}`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} tabIndex={-1} />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={addLine} style={{ marginBottom: 12 }}>
              {S.addLine}
            </Button>
          </div>
        )}
      </Form.List>
      <Space align="start" wrap>
        <Form.Item label={S.labour} name="labourFen" rules={[moneyRule({ allowZero: true })]}>
          <MoneyInput aria-label={S.labour} allowZero style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={S.total}>
          <Typography.Text strong data-testid="complete-total">
            {formatYuan(charge.totalFen)}
          </Typography.Text>
        </Form.Item>
      </Space>
      <Alert type={order.chargeable ? 'warning' : 'info'} showIcon title={order.chargeable ? S.chargeNote(formatYuan(charge.totalFen)) : S.freeNote} style={{ marginBottom: 12 }} />
      <Form.Item name="materialsConfirmed" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{S.materialsConfirmed}</Checkbox>
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item label={S.signer} name="signer" required>
          <Radio.Group options={SIGNERS.map((s) => ({ value: s, label: SIGNER_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label={S.signerName} name="signerName" required>
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item label={S.satisfaction} name="satisfaction" required>
        <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
      </Form.Item>
      <Form.Item label={S.note} name="note">
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

/** 回访: the result, the process and the person; any 不满意 reopens the order, and the dialog says so. */
function CallbackModal(props: ActionProps) {
  const a = useAction('repairs.callback', props);
  const values = Form.useWatch([], a.form) as { result?: Satisfaction; process?: Satisfaction; person?: Satisfaction } | undefined;
  const unsatisfied = [values?.result, values?.process, values?.person].includes('unsatisfied');
  const options = SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }));
  return (
    <FormModal<{ result: Satisfaction; process: Satisfaction; person: Satisfaction; notes: string }>
      title={`${label('callback')} ${props.order.no}`}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ result: 'satisfied', process: 'satisfied', person: 'satisfied', notes: '' }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.order.id, result: v.result, process: v.process, person: v.person, notes: v.notes ?? '' }))}
    >
      <Alert type={unsatisfied ? 'warning' : 'info'} showIcon title={S.callbackReopens} style={{ marginBottom: 16 }} data-testid="callback-reopens" />
      <Form.Item label={S.callbackResult} name="result" required>
        <Radio.Group options={options} />
      </Form.Item>
      <Form.Item label={S.callbackProcess} name="process" required>
        <Radio.Group options={options} />
      </Form.Item>
      <Form.Item label={S.callbackPerson} name="person" required>
        <Radio.Group options={options} />
      </Form.Item>
      <Form.Item label={S.callbackNotes} name="notes">
        <Input.TextArea autoFocus rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
