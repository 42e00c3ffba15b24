import { Space, Tag, Typography } from 'antd';
import {
  CATEGORY_LABELS,
  ENTRY_STATE_LABELS,
  URGENCY_LABELS,
  type Category,
  type EntryState,
  type TimeStatus,
  type TimeStatusKind,
  type Urgency,
} from '../../shared/reception';

const CATEGORY_COLORS: Record<Category, string> = {
  repair: 'blue',
  complaint: 'volcano',
  suggestion: 'cyan',
  enquiry: 'default',
  staff_feedback: 'purple',
  other: 'default',
};

/** 类别, with 重大 beside it in red: a major matter must be seen at a glance. */
export function CategoryTag(props: { category: Category; urgency?: Urgency }) {
  return (
    <Space size={4} wrap>
      <Tag color={CATEGORY_COLORS[props.category]} style={{ marginInlineEnd: 0 }}>
        {CATEGORY_LABELS[props.category]}
      </Tag>
      {props.urgency === 'major' && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {URGENCY_LABELS.major}
        </Tag>
      )}
    </Space>
  );
}

const STATE_COLORS: Record<EntryState, string> = { open: 'processing', closed: 'success', voided: 'default' };

export function EntryStateTag(props: { state: EntryState }) {
  return (
    <Tag color={STATE_COLORS[props.state]} style={{ marginInlineEnd: 0 }}>
      {ENTRY_STATE_LABELS[props.state]}
    </Tag>
  );
}

const TIME_TYPES: Record<TimeStatusKind, 'danger' | 'warning' | 'secondary' | undefined> = {
  overdue: 'danger',
  due_soon: 'warning',
  ok: undefined,
  waiting: 'secondary',
  done: 'secondary',
};

/** The server's "剩 3小时20分" / "超时 2小时": overdue red, due soon orange, done grey. */
export function TimeText(props: { time: TimeStatus }) {
  const { kind, text } = props.time;
  return (
    <Typography.Text type={TIME_TYPES[kind]} strong={kind === 'overdue'} data-time-kind={kind} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}
