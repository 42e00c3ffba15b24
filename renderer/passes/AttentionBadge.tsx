import { Button, Space, Tooltip } from 'antd';
import { CarOutlined, FileDoneOutlined } from '@ant-design/icons';
import type { PassAttention } from '../../shared/contract/passes';
import type { DeskAttention } from '../../shared/contract/shell';
import { go, passesHash } from './route';
import { S } from './strings';

/**
 * The shell's reminder for 物品放行, from its shell.attention counts: "放行待审批 N" for approvers,
 * "今日待出门 N" (approved for today, not yet out) for the gate. The server counts each only for
 * the roles it concerns; nothing while they are 0.
 */
export function PassesAttentionBadge(props: { attention: DeskAttention }) {
  const a = props.attention.counts as unknown as Partial<PassAttention>;
  const pending = a.pending ?? 0;
  const waiting = a.waitingAtGate ?? 0;
  if (pending <= 0 && waiting <= 0) return null;
  return (
    <Space size="small">
      {pending > 0 && (
        <Tooltip title={S.badgePendingHint}>
          <Button data-testid="passes-pending-badge" icon={<FileDoneOutlined aria-hidden />} onClick={() => go(passesHash.pending)}>
            {S.badgePending(pending)}
          </Button>
        </Tooltip>
      )}
      {waiting > 0 && (
        <Tooltip title={S.badgeTodayHint}>
          <Button data-testid="passes-gate-badge" icon={<CarOutlined aria-hidden />} onClick={() => go(passesHash.gate)}>
            {S.badgeToday(waiting)}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
