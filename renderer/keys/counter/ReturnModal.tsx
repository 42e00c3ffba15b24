import { Alert, Form, Input, InputNumber, Typography } from 'antd';
import type { LoanRow, ScanResult } from '../../../shared/contract/keys';
import { officeDateTime } from '../../dates';
import { focusField } from '../fields';
import { KeyFormModal } from '../KeyFormModal';
import { useKeyAction } from '../useKeyAction';
import { S } from '../strings';

interface ReturnValues {
  returnedCount: number;
  condition: string;
}

/** 归还: count what came back (fewer than went out is flagged 少还) and note its condition; Enter confirms. */
export function ReturnModal(props: { scan: Pick<ScanResult, 'key' | 'loan'>; onReturned(loan: LoanRow): void; onClose(): void }) {
  const { key, loan } = props.scan;
  const a = useKeyAction('keys.return', props.onReturned, (l) => S.returnDone(l.no));
  const count = (Form.useWatch('returnedCount', a.form) as number | null | undefined) ?? key.keyCount;
  return (
    <KeyFormModal<ReturnValues>
      title={S.returnTitle(key.tag, key.target)}
      okText={S.returnOk}
      formProps={a.formProps}
      submitting={a.submitting}
      onFinish={(v) => void a.submit({ keyId: key.id, returnedCount: v.returnedCount, condition: v.condition }).then(a.finish)}
      onClose={props.onClose}
      initialValues={{ returnedCount: key.keyCount, condition: '' }}
      afterOpen={focusField(a.form, 'returnedCount')}
    >
      {loan && <Typography.Paragraph>{S.returnLoan(`${loan.borrowerName}${loan.organisation ? `（${loan.organisation}）` : ''}`, officeDateTime(loan.dueAt))}</Typography.Paragraph>}
      <Form.Item name="returnedCount" label={S.returnCount(key.keyCount)}>
        <InputNumber min={0} max={key.keyCount} precision={0} style={{ width: '100%' }} autoFocus />
      </Form.Item>
      {count < key.keyCount && <Alert type="warning" showIcon data-testid="return-partial" title={S.returnPartial(count, key.keyCount)} style={{ marginBottom: 12 }} />}
      <Form.Item name="condition" label={S.returnCondition}>
        <Input maxLength={200} />
      </Form.Item>
    </KeyFormModal>
  );
}
