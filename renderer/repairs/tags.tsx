import { Tag, Typography } from 'antd';
import { ORDER_STATE_LABELS, type OrderState, type OrderTime, type OrderTimeKind } from '../../shared/repairs';

const STATE_COLORS: Record<OrderState, string> = {
  pending: 'orange',
  dispatched: 'blue',
  arrived: 'cyan',
  in_progress: 'processing',
  review: 'purple',
  paused: 'default',
  inspection: 'geekblue',
  completed: 'success',
  called_back: 'green',
  closed: 'default',
  voided: 'default',
};

export function OrderStateTag(props: { state: OrderState }) {
  return (
    <Tag color={STATE_COLORS[props.state]} style={{ marginInlineEnd: 0 }} data-state={props.state}>
      {ORDER_STATE_LABELS[props.state]}
    </Tag>
  );
}

const TIME_TYPES: Record<OrderTimeKind, 'danger' | 'warning' | 'secondary' | undefined> = {
  overdue: 'danger',
  due_soon: 'warning',
  ok: undefined,
  waiting: 'secondary',
  stopped: 'secondary',
  done: 'secondary',
};

/** The server's "到场 剩 12分" / "回访 超时 1天2小时": overdue red, due soon orange, stopped grey. */
export function OrderTimeText(props: { time: OrderTime }) {
  const { kind, text } = props.time;
  return (
    <Typography.Text type={TIME_TYPES[kind]} strong={kind === 'overdue'} data-time-kind={kind} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}
