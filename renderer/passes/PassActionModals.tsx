import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PassDetail } from '../../shared/contract/passes';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { officeNow, pickedToIso } from '../dates';
import { ItemLines, itemsInput, type ItemLineValue } from './ItemLines';
import { go, passesHash } from './route';
import { S } from './strings';

/** The pass's actions that need a form: 主管特批 and 作废 take a reason, 重新开单 a new time and the items. */
export type PassModalAction = 'override' | 'void' | 'reissue';

interface ActionProps {
  pass: PassDetail;
  onClose(): void;
}

export function PassActionModal(props: ActionProps & { action: PassModalAction }) {
  return props.action === 'reissue' ? <ReissueModal {...props} /> : <ReasonModal {...props} action={props.action} />;
}

const TITLES: Record<PassModalAction, string> = { override: S.actionOverride, void: S.actionVoid, reissue: S.actionReissue };

/**
 * 主管特批: approved despite arrears — the reason here, then the server asks for a supervisor's
 * login and password at this screen (the one approval dialog). 作废: the reason, and plainly final.
 */
function ReasonModal(props: ActionProps & { action: 'override' | 'void' }) {
  const [form] = Form.useForm<{ reason: string }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, props.action === 'override' ? 'passes.approveOverride' : 'passes.void');
  return (
    <FormModal<{ reason: string }>
      title={`${TITLES[props.action]} ${props.pass.no}`}
      formProps={formProps}
      submitting={submitting}
      onClose={props.onClose}
      initialValues={{ reason: '' }}
      onFinish={async (v) => {
        const result = await submit({ id: props.pass.id, reason: v.reason ?? '' });
        if (!result.ok) return;
        notify.success(S.done);
        props.onClose();
      }}
    >
      {props.action === 'void' && <Alert type="warning" showIcon title={S.voidConfirm(props.pass.no)} style={{ marginBottom: 16 }} />}
      {props.action === 'override' && <Alert type="info" showIcon title={S.overrideHint} style={{ marginBottom: 16 }} />}
      <Form.Item label={S.reason} name="reason" required>
        <Input autoFocus maxLength={200} placeholder={S.reasonPh[props.action]} />
      </Form.Item>
    </FormModal>
  );
}

/** 重新开单 from a refused or expired pass: a new 待审批 pass with a new time and the items as they really are. */
function ReissueModal(props: ActionProps) {
  const [form] = Form.useForm<{ plannedAt: Dayjs | null; items: ItemLineValue[] }>();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, 'passes.reissue');
  return (
    <FormModal<{ plannedAt: Dayjs | null; items: ItemLineValue[] }>
      title={`${S.actionReissue} ${props.pass.no}`}
      formProps={formProps}
      submitting={submitting}
      onClose={props.onClose}
      initialValues={{ plannedAt: officeNow(), items: props.pass.items.map((l) => ({ name: l.name, quantity: l.quantity, unit: l.unit })) }}
      onFinish={async (v) => {
        const items = itemsInput(v.items);
        if (!items.length) return form.setFields([{ name: ['items', 0, 'name'], errors: [S.itemsRequired] }]);
        if (!v.plannedAt) return form.setFields([{ name: 'plannedAt', errors: [S.plannedRequired] }]);
        const result = await submit({ id: props.pass.id, plannedAt: pickedToIso(v.plannedAt), items });
        if (!result.ok) return;
        notify.success(S.created(result.value.no));
        props.onClose();
        go(passesHash.pass(result.value.id));
      }}
    >
      <Alert type="info" showIcon title={S.reissueHint} style={{ marginBottom: 16 }} />
      <Form.Item label={S.reissuePlanned} name="plannedAt" required>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} aria-label={S.reissuePlanned} />
      </Form.Item>
      <Form.Item label={S.reissueItems} required>
        <ItemLines formName={formProps.name} />
      </Form.Item>
    </FormModal>
  );
}
