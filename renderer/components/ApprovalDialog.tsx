import { useEffect, useState } from 'react';
import { Alert, Form, Input, Typography } from 'antd';
import { approvalInput, type ApprovalInput } from '../../shared/contract/define';
import type { CommandError, Result } from '../../shared/result';
import { ROLE_LABELS } from '../../shared/roles';
import { fieldErrors } from '../../shared/zod-zh';
import { setApprovalPrompt, type ApprovalPrompt } from '../api/client';
import { FormModal } from './FormModal';
import { clearChangedFieldErrors, putFieldErrors } from './forms';
import { S } from './strings';

interface ApprovalRequest {
  id: number;
  refused: CommandError;
  resend: (approval: ApprovalInput) => Promise<Result<unknown>>;
  done(result: Result<unknown>): void;
}

let nextId = 0;

/**
 * The one approval dialog (dual control), mounted once at the root: any command the server answers
 * `approval_required` (renderer/api/client.ts) waits here while a supervisor types their own login
 * and password at this counter; requests arriving together are asked one after the other.
 */
export function ApprovalHost() {
  const [queue, setQueue] = useState<ApprovalRequest[]>([]);
  useEffect(() => {
    const prompt: ApprovalPrompt = (refused, resend) =>
      new Promise((done) => setQueue((q) => [...q, { id: ++nextId, refused, resend, done }]));
    setApprovalPrompt(prompt);
    return () => setApprovalPrompt(null);
  }, []);
  const current = queue[0];
  if (!current) return null;
  const finish = (result: Result<unknown>) => {
    current.done(result);
    setQueue((q) => q.slice(1));
  };
  // Keyed by request: every request starts from a clean form.
  return <ApprovalDialog key={current.id} request={current} onDone={finish} />;
}

/** The server names the fields `approval.login` / `approval.password`; the dialog's fields are `login` / `password`. */
const onDialogFields = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^approval\./, ''), message]));

/** Approver's login and password: Enter submits, Esc cancels (the command then answers its original error). */
function ApprovalDialog({ request, onDone }: { request: ApprovalRequest; onDone(result: Result<unknown>): void }) {
  const [form] = Form.useForm<ApprovalInput>();
  const [submitting, setSubmitting] = useState(false);
  /** A refusal no field can show (e.g. "try again in N seconds" came back as approval_required without fields). */
  const [problem, setProblem] = useState<string | null>(null);
  const approval = request.refused.approval;
  const roles = (approval?.roles ?? ['supervisor']).map((r) => ROLE_LABELS[r]).join('或');

  const submit = async (values: ApprovalInput) => {
    setProblem(null);
    const parsed = approvalInput.safeParse(values);
    if (!parsed.success) {
      putFieldErrors(form, fieldErrors(parsed.error));
      return;
    }
    setSubmitting(true);
    let result: Result<unknown>;
    try {
      result = await request.resend(parsed.data);
    } finally {
      setSubmitting(false);
    }
    if (result.ok || result.error.kind !== 'approval_required') {
      onDone(result);
      return;
    }
    // Refused (wrong password, no right to approve, one's own login): stay open to correct it.
    form.setFieldValue('password', '');
    const leftover = putFieldErrors(form, onDialogFields(result.error.fields ?? {}));
    if (!result.error.fields || leftover.length) setProblem(result.error.message);
  };

  return (
    <FormModal<ApprovalInput>
      title={S.approvalTitle}
      okText={S.approvalOk}
      formProps={{
        form,
        name: 'approval',
        onValuesChange: (changed) => clearChangedFieldErrors(form, changed),
      }}
      submitting={submitting}
      onFinish={(values) => void submit(values)}
      onClose={() => onDone({ ok: false, error: request.refused })}
      // Asked over the dialog that sent the command (a void's reason): the approver types at once.
      afterOpen={() => (form.getFieldInstance('login') as { focus?: () => void } | undefined)?.focus?.()}
    >
      <Typography.Paragraph data-testid="approval-intro">{S.approvalIntro(approval?.summary ?? '', roles)}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form.Item name="login" label={S.approvalLogin}>
        <Input autoFocus autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="password" label={S.approvalPassword}>
        {/* Never offered for saving: this is the supervisor's password on someone else's counter. */}
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Typography.Text type="secondary">{S.approvalHint}</Typography.Text>
    </FormModal>
  );
}
