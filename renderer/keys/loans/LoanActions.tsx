import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LoanRow } from '../../../shared/contract/keys';
import { CHASE_METHODS, CHASE_METHOD_LABELS, type ChaseMethod } from '../../../shared/keys';
import { officeFormat, pickedToIso } from '../../dates';
import { KeyFormModal } from '../KeyFormModal';
import { useKeyAction } from '../useKeyAction';
import { S } from '../strings';

const DATE_TIME = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } } as const;

/** 延期: a new due time and why; the loan is no longer overdue by the old one. */
export function ExtendModal(props: { loan: LoanRow; onClose(): void }) {
  const a = useKeyAction('keys.extend', props.onClose, S.saved);
  return (
    <KeyFormModal<{ dueAt: Dayjs | null; reason: string }>
      title={S.extendTitle(props.loan.no)}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) => void a.submit({ loanId: props.loan.id, dueAt: v.dueAt ? pickedToIso(v.dueAt) : '', reason: v.reason }).then(a.finish)}
      onClose={props.onClose}
      initialValues={{ dueAt: dayjs(officeFormat(props.loan.dueAt, 'YYYY-MM-DD HH:mm')).add(1, 'hour'), reason: '' }}
      afterOpen={() => (a.form.getFieldInstance('reason') as { focus?: () => void } | undefined)?.focus?.()}
    >
      <Form.Item name="dueAt" label={S.extendDue}>
        <DatePicker {...DATE_TIME} aria-label={S.extendDue} />
      </Form.Item>
      <Form.Item name="reason" label={S.reason}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}

/** 催还: how the borrower was reached and what they said. */
export function ChaseModal(props: { loan: LoanRow; onClose(): void }) {
  const a = useKeyAction('keys.chase', props.onClose, S.saved);
  return (
    <KeyFormModal<{ method: ChaseMethod; result: string }>
      title={S.chaseTitle(props.loan.no)}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) => void a.submit({ loanId: props.loan.id, ...v }).then(a.finish)}
      onClose={props.onClose}
      initialValues={{ method: 'phone', result: '' }}
      afterOpen={() => (a.form.getFieldInstance('result') as { focus?: () => void } | undefined)?.focus?.()}
    >
      <Form.Item name="method" label={S.chaseMethod}>
        <Select options={CHASE_METHODS.map((m) => ({ value: m, label: CHASE_METHOD_LABELS[m] }))} />
      </Form.Item>
      <Form.Item name="result" label={S.chaseResult}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}
