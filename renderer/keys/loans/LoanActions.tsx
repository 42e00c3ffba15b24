import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LoanRow } from '../../../shared/contract/keys';
import { CHASE_METHODS, CHASE_METHOD_LABELS, type ChaseMethod } from '../../../shared/keys';
import { pickedToIso } from '../../dates';
import { DATE_TIME, focusField, pickerOf } from '../fields';
import { KeyFormModal } from '../KeyFormModal';
import { useKeyAction } from '../useKeyAction';
import { S } from '../strings';

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
      initialValues={{ dueAt: pickerOf(props.loan.dueAt).add(1, 'hour'), reason: '' }}
      afterOpen={focusField(a.form, 'reason')}
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
      afterOpen={focusField(a.form, 'result')}
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
