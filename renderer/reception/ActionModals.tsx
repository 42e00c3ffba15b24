import { Alert, Form, Input, Radio } from 'antd';
import type { EntryDetail } from '../../shared/contract/reception';
import { EVENT_KIND_LABELS, NOTE_KINDS, SATISFACTIONS, SATISFACTION_LABELS, type EntryAction, type NoteKind, type Satisfaction } from '../../shared/reception';
import type { CommandName, CommandOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { FormModal } from '../components/FormModal';
import { useCommandForm } from '../components/forms';
import { useNotify } from '../components/notify';
import { StaffPicker, staffKey } from '../components/pickers/StaffPicker';
import { handlerIds } from './handler';
import { SuperiorPicker } from './SuperiorPicker';
import { S } from './strings';

/** What every action dialog gets: the entry, and what to do once the action is done. */
interface ActionProps {
  entry: EntryDetail;
  onClose(): void;
  onDone(): void;
}

/** One command, one dialog: submit, toast, done (the write announces itself; the entry's page, the lists and the badge refresh). */
function useAction<N extends CommandName>(name: N, props: ActionProps, done: string) {
  const [form] = Form.useForm();
  const notify = useNotify();
  const { submit, submitting, formProps } = useCommandForm(form, name);
  const finish = (result: Result<CommandOutput<N>>) => {
    if (!result.ok) return;
    notify.success(done);
    props.onDone();
  };
  return { form, submit, submitting, formProps, finish };
}

export function ActionModal(props: ActionProps & { action: EntryAction }) {
  switch (props.action) {
    case 'note':
      return <NoteModal {...props} />;
    case 'escalate':
      return <EscalateModal {...props} />;
    case 'assign':
      return <AssignModal {...props} />;
    case 'close':
      return <CloseModal {...props} />;
    case 'reopen':
      return <ReasonModal {...props} kind="reopen" />;
    case 'void':
      return <ReasonModal {...props} kind="void" />;
    case 'acknowledge':
      return <AckModal {...props} />;
  }
}

function NoteModal(props: ActionProps) {
  const a = useAction('reception.note', props, S.noteDone);
  return (
    <FormModal<{ kind: NoteKind; text: string }>
      title={S.noteTitle}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ kind: 'note', text: '' }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.entry.id, kind: v.kind, text: v.text ?? '' }))}
    >
      <Form.Item label={S.noteKind} name="kind" required>
        <Radio.Group options={NOTE_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item label={S.noteText} name="text" required>
        <Input.TextArea autoFocus rows={4} maxLength={500} showCount placeholder={S.noteTextPh} />
      </Form.Item>
    </FormModal>
  );
}

function EscalateModal(props: ActionProps) {
  const a = useAction('reception.escalate', props, S.escalateDone);
  return (
    <FormModal<{ toOperatorId: number | null; note: string }>
      title={S.escalateTitle}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ toOperatorId: null, note: '' }}
      onFinish={async (v) => {
        if (!v.toOperatorId) {
          a.form.setFields([{ name: 'toOperatorId', errors: [S.escalateToRequired] }]);
          return;
        }
        a.finish(await a.submit({ id: props.entry.id, toOperatorId: v.toOperatorId, note: v.note ?? '' }));
      }}
    >
      <Form.Item label={S.escalateTo} name="toOperatorId" required extra={S.escalateToHelp}>
        <SuperiorPicker autoFocus />
      </Form.Item>
      <Form.Item label={S.escalateNote} name="note">
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function AssignModal(props: ActionProps) {
  const a = useAction('reception.assign', props, S.assignDone);
  const current = staffKey(props.entry.handlerStaffId, props.entry.handlerDepartmentId) ?? null;
  return (
    <FormModal<{ handler: string | null; note: string }>
      title={S.assignTitle}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ handler: current, note: '' }}
      onFinish={async (v) => {
        if (!v.handler) {
          a.form.setFields([{ name: 'handler', errors: [S.assignRequired] }]);
          return;
        }
        a.finish(await a.submit({ id: props.entry.id, ...handlerIds(v.handler), note: v.note ?? '' }));
      }}
    >
      <Form.Item label={S.handler} name="handler" required>
        <StaffPicker />
      </Form.Item>
      <Form.Item label={S.assignNote} name="note">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function CloseModal(props: ActionProps) {
  const a = useAction('reception.close', props, S.closeDone);
  const rated = props.entry.complaint !== null;
  return (
    <FormModal<{ result: string; satisfaction: Satisfaction | null }>
      title={S.closeTitle}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ result: '', satisfaction: null }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.entry.id, result: v.result ?? '', satisfaction: rated ? (v.satisfaction ?? null) : null }))}
    >
      <Form.Item label={S.closeResult} name="result" required>
        <Input.TextArea autoFocus rows={4} maxLength={500} showCount placeholder={S.closeResultPh} />
      </Form.Item>
      {rated && (
        <Form.Item label={S.closeSatisfaction} name="satisfaction">
          <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 重新打开 and 作废 both need a reason; 作废 says plainly that it cannot be undone. */
function ReasonModal(props: ActionProps & { kind: 'reopen' | 'void' }) {
  const isVoid = props.kind === 'void';
  const a = useAction(isVoid ? 'reception.void' : 'reception.reopen', props, isVoid ? S.voidDone : S.reopenDone);
  return (
    <FormModal<{ reason: string }>
      title={isVoid ? S.voidTitle : S.reopenTitle}
      okText={isVoid ? S.voidOk : undefined}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ reason: '' }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.entry.id, reason: v.reason ?? '' }))}
    >
      {isVoid && <Alert type="warning" showIcon title={S.voidConfirm(props.entry.no)} style={{ marginBottom: 16 }} />}
      <Form.Item label={isVoid ? S.voidReason : S.reopenReason} name="reason" required>
        <Input autoFocus maxLength={200} placeholder={isVoid ? S.voidReasonPh : S.reopenReasonPh} />
      </Form.Item>
    </FormModal>
  );
}

function AckModal(props: ActionProps) {
  const a = useAction('reception.acknowledge', props, S.ackDone);
  return (
    <FormModal<{ note: string }>
      title={S.ackTitle}
      formProps={a.formProps}
      submitting={a.submitting}
      onClose={props.onClose}
      initialValues={{ note: '' }}
      onFinish={async (v) => a.finish(await a.submit({ id: props.entry.id, note: v.note ?? '' }))}
    >
      <Form.Item label={S.ackNote} name="note">
        <Input autoFocus maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
