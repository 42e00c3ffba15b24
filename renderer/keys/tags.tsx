import { Tag, Typography } from 'antd';
import type { LoanRow } from '../../shared/contract/keys';
import { KEY_STATE_LABELS, LOAN_STATUS_LABELS, type KeyState, type LoanStatus } from '../../shared/keys';

const STATE_COLORS: Record<KeyState, string> = { in_cabinet: 'success', lent: 'processing', issued: 'default', lost: 'error', retired: 'default' };

export function KeyStateTag(props: { state: KeyState }) {
  return (
    <Tag color={STATE_COLORS[props.state]} style={{ marginInlineEnd: 0 }} data-state={props.state}>
      {KEY_STATE_LABELS[props.state]}
    </Tag>
  );
}

const STATUS_TYPES: Record<LoanStatus, 'danger' | 'warning' | 'secondary' | undefined> = { overdue: 'danger', due_soon: 'warning', open: undefined, returned: 'secondary' };

/** "逾期 · 超时 30分" red, "即将到期 · 剩 20分" orange, from the server's clock. */
export function LoanStatusText(props: { loan: Pick<LoanRow, 'status' | 'deadline'> }) {
  const { status, deadline } = props.loan;
  return (
    <Typography.Text type={STATUS_TYPES[status]} strong={status === 'overdue'} data-status={status} style={{ whiteSpace: 'nowrap' }}>
      {`${LOAN_STATUS_LABELS[status]} · ${deadline.text}`}
    </Typography.Text>
  );
}
