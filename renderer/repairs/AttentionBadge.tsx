import { Badge, Button, Space, Tooltip } from 'antd';
import { ClockCircleOutlined, PhoneOutlined, ToolOutlined } from '@ant-design/icons';
import type { RepairAttention } from '../../shared/contract/repairs';
import type { DeskAttention } from '../../shared/contract/shell';
import { go, repairsHash } from './route';
import { S } from './strings';

/**
 * The shell's reminder for the repairs desk, from its shell.attention counts: "维修超时 N" (any
 * step past its time rule), "待派单 N" and "待回访 N" (due today or overdue). Nothing while they are 0.
 */
export function RepairsAttentionBadge(props: { attention: DeskAttention }) {
  const a = props.attention.counts as unknown as RepairAttention;
  const callbacks = a.callbacksDueToday + a.callbacksOverdue;
  if (a.overdue <= 0 && a.pending <= 0 && callbacks <= 0) return null;
  return (
    <Space size="small">
      {a.overdue > 0 && (
        <Tooltip title={S.badgeOverdueHint}>
          <Badge dot offset={[-4, 4]}>
            <Button danger data-testid="repairs-overdue-badge" icon={<ClockCircleOutlined aria-hidden />} onClick={() => go(repairsHash.overdue)}>
              {S.badgeOverdue(a.overdue)}
            </Button>
          </Badge>
        </Tooltip>
      )}
      {a.pending > 0 && (
        <Tooltip title={S.badgePendingHint}>
          <Button data-testid="repairs-pending-badge" icon={<ToolOutlined aria-hidden />} onClick={() => go(repairsHash.pending)}>
            {S.badgePending(a.pending)}
          </Button>
        </Tooltip>
      )}
      {callbacks > 0 && (
        <Tooltip title={S.badgeCallbacksHint}>
          <Button data-testid="repairs-callback-badge" icon={<PhoneOutlined aria-hidden />} onClick={() => go(a.callbacksOverdue > 0 ? repairsHash.callbacksOverdue : repairsHash.callbacks)}>
            {S.badgeCallbacks(callbacks)}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
