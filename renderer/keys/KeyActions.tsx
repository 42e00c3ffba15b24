import { Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { IssueView, KeyDetail, KeyRow } from '../../shared/contract/keys';
import { ID_DOC_TYPES, ID_DOC_TYPE_LABELS, KEY_CLASSES, KEY_CLASS_LABELS, LOST_ACTIONS, LOST_ACTION_LABELS, type IdDocType, type KeyClass, type LostAction } from '../../shared/keys';
import { PersonPicker } from '../components/pickers/PersonPicker';
import { UnitPicker } from '../components/pickers/UnitPicker';
import { focusField } from './fields';
import { KeyFormModal } from './KeyFormModal';
import { useKeyAction } from './useKeyAction';
import { S } from './strings';

/** 修改: class, how many keys on the ring, where it hangs, a note. */
export function EditKeyModal(props: { keyRow: KeyRow; onClose(): void }) {
  const k = props.keyRow;
  const a = useKeyAction('keys.update', props.onClose, S.saved);
  return (
    <KeyFormModal<{ keyClass: KeyClass; keyCount: number; cabinet: string; hook: string; note: string }>
      title={S.editTitle(k.tag)}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) => void a.submit({ keyId: k.id, ...v }).then(a.finish)}
      onClose={props.onClose}
      initialValues={{ keyClass: k.keyClass, keyCount: k.keyCount, cabinet: k.cabinet, hook: k.hook, note: k.note }}
      afterOpen={focusField(a.form, 'cabinet')}
    >
      <Form.Item name="keyClass" label={S.registerClass}>
        <Select options={KEY_CLASSES.map((c) => ({ value: c, label: KEY_CLASS_LABELS[c] }))} />
      </Form.Item>
      <PositionFields />
      <Form.Item name="keyCount" label={S.registerCount}>
        <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={S.registerNote}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}

/** 柜号 and 挂钩号 side by side: every form that says where a key hangs. */
export function PositionFields(props: { prefix?: (string | number)[] }) {
  const name = (n: string) => [...(props.prefix ?? []), n];
  return (
    <Space.Compact block>
      <Form.Item name={name('cabinet')} label={S.registerCabinet} style={{ width: '50%' }}>
        <Input maxLength={10} />
      </Form.Item>
      <Form.Item name={name('hook')} label={S.registerHook} style={{ width: '50%' }}>
        <Input maxLength={10} />
      </Form.Item>
    </Space.Compact>
  );
}

/** 注销 with a reason (supervisors and admins: the server checks). */
export function RetireKeyModal(props: { keyRow: KeyRow; onClose(): void }) {
  const a = useKeyAction('keys.retire', props.onClose, S.saved);
  return (
    <KeyFormModal<{ reason: string }>
      title={S.retireTitle(props.keyRow.tag)}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) => void a.submit({ keyId: props.keyRow.id, reason: v.reason }).then(a.finish)}
      onClose={props.onClose}
      afterOpen={focusField(a.form, 'reason')}
    >
      <Form.Item name="reason" label={S.reason}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}

interface IssueValues {
  personId: number | null;
  recipientName: string;
  docType: IdDocType;
  docTail: string;
  keysCounted: number;
  acknowledged: boolean;
  note: string;
}

/** 发放 at handover: the owner's document (type and last digits only), the keys counted, their acknowledgement. */
export function IssueKeyModal(props: { keyRow: KeyRow; onIssued(issue: IssueView): void; onClose(): void }) {
  const k = props.keyRow;
  const a = useKeyAction('keys.issue', props.onIssued, S.saved);
  return (
    <KeyFormModal<IssueValues>
      title={S.issueTitle(k.tag)}
      okText={S.issueOk}
      formProps={a.formProps}
      submitting={a.submitting}
      // Unticked, the contract's own check refuses it in Chinese before anything is sent.
      onFinish={(v) => void a.submit({ keyId: k.id, ...v, acknowledged: v.acknowledged as true }).then(a.finish)}
      onClose={props.onClose}
      initialValues={{ personId: null, recipientName: '', docType: 'id_card', docTail: '', keysCounted: k.keyCount, acknowledged: false, note: '' }}
      afterOpen={focusField(a.form, 'recipientName')}
    >
      <Form.Item name="personId" label={S.issueResident}>
        <PersonPicker onPick={(p) => a.form.setFieldValue('recipientName', p.name)} />
      </Form.Item>
      <Form.Item name="recipientName" label={S.issueRecipient}>
        <Input maxLength={40} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="docType" label={S.issueDocType} style={{ width: '50%' }}>
          <Select options={ID_DOC_TYPES.map((t) => ({ value: t, label: ID_DOC_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item name="docTail" label={S.issueDocTail} style={{ width: '50%' }}>
          <Input maxLength={6} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="keysCounted" label={S.issueCounted}>
        <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="acknowledged" valuePropName="checked">
        <Checkbox>{S.issueAck}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={S.issueNote}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}

interface DepositValues {
  unitId: number | null;
  keyCount: number;
  cabinet: string;
  hook: string;
  personId: number | null;
  depositorName: string;
  depositorPhone: string;
  authorisation: string;
  collectors: string;
  note: string;
}

/**
 * 业主寄存: an issued key the owner brings back (`keyRow`), or a new key of a unit registered as the
 * owner's deposit. Who deposited, the authorisation, and whom the owner allows to collect it.
 */
export function DepositKeyModal(props: { keyRow?: KeyRow; unitId?: number | null; onDeposited(key: KeyDetail): void; onClose(): void }) {
  const k = props.keyRow;
  const a = useKeyAction('keys.deposit', props.onDeposited, S.saved);
  return (
    <KeyFormModal<DepositValues>
      title={k ? `${S.depositTitle} ${k.tag}` : S.depositTitle}
      okText={k ? S.actDeposit : S.depositOk}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) => {
        const { collectors, ...rest } = v;
        const allowedCollectors = collectors.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
        void a.submit({ ...rest, keyId: k?.id ?? null, unitId: k ? null : v.unitId, allowedCollectors }).then(a.finish);
      }}
      onClose={props.onClose}
      initialValues={{ unitId: props.unitId ?? null, keyCount: k?.keyCount ?? 1, cabinet: k?.cabinet ?? '', hook: k?.hook ?? '', personId: null, depositorName: '', depositorPhone: '', authorisation: '', collectors: '', note: '' }}
      afterOpen={focusField(a.form, k || props.unitId ? 'depositorName' : 'unitId')}
    >
      {!k && (
        <Form.Item name="unitId" label={S.depositUnit}>
          <UnitPicker aria-label={S.depositUnit} />
        </Form.Item>
      )}
      <PositionFields />
      <Form.Item name="keyCount" label={S.registerCount}>
        <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="personId" label={S.issueResident}>
        <PersonPicker onPick={(p) => a.form.setFieldValue('depositorName', p.name)} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="depositorName" label={S.depositDepositor} style={{ width: '50%' }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="depositorPhone" label={S.depositPhone} style={{ width: '50%' }}>
          <Input maxLength={40} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="authorisation" label={S.depositAuthorisation}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="collectors" label={S.depositCollectors}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={S.registerNote}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}

interface LostValues {
  action: LostAction;
  reason: string;
  /** The re-cut key (复配): named as the command's `recut` so its errors land on these fields. */
  recut: { cabinet: string; hook: string; keyCount: number };
}

/** 遗失: what was done — the lock changed, or a key re-cut (复配) with a new tag whose label prints at once. */
export function LostKeyModal(props: { keyRow: KeyRow; onReported(key: KeyDetail): void; onClose(): void }) {
  const k = props.keyRow;
  const a = useKeyAction('keys.reportLost', props.onReported, S.saved);
  const action = (Form.useWatch('action', a.form) as LostAction | undefined) ?? 'lock_changed';
  return (
    <KeyFormModal<LostValues>
      title={S.lostTitle(k.tag)}
      okText={S.lostOk}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) =>
        void a
          .submit({ keyId: k.id, action: v.action, reason: v.reason, recut: v.action === 'recut' ? v.recut : null })
          .then(a.finish)
      }
      onClose={props.onClose}
      initialValues={{ action: 'lock_changed', reason: '', recut: { cabinet: k.cabinet, hook: k.hook, keyCount: k.keyCount } }}
      afterOpen={focusField(a.form, 'reason')}
    >
      <Form.Item name="action" label={S.lostAction}>
        <Radio.Group options={LOST_ACTIONS.map((x) => ({ value: x, label: LOST_ACTION_LABELS[x] }))} />
      </Form.Item>
      <Form.Item name="reason" label={S.reason}>
        <Input maxLength={200} />
      </Form.Item>
      {action === 'recut' && (
        <>
          <PositionFields prefix={['recut']} />
          <Form.Item name={['recut', 'keyCount']} label={S.lostRecutCount}>
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </KeyFormModal>
  );
}
