import { Tag } from 'antd';
import { PASS_STATE_LABELS, type PassState } from '../../shared/passes';

const STATE_COLORS: Record<PassState, string> = {
  pending: 'orange',
  approved: 'blue',
  released: 'success',
  refused: 'red',
  expired: 'default',
  voided: 'default',
};

export function PassStateTag(props: { state: PassState; big?: boolean }) {
  const big = props.big ? { fontSize: 28, lineHeight: '44px', padding: '0 20px' } : {};
  return (
    <Tag color={STATE_COLORS[props.state]} style={{ marginInlineEnd: 0, ...big }} data-testid="pass-state" data-state={props.state}>
      {PASS_STATE_LABELS[props.state]}
    </Tag>
  );
}
