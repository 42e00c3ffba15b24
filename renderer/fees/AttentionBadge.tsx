import { Button, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { DeskAttention } from '../../shared/contract/shell';
import { feesHash, go } from './route';
import { S } from './strings';

/** The cashier's reminder from shell.attention: a shift still open from an earlier day (日结 forgotten). Nothing otherwise. */
export function FeesAttentionBadge(props: { attention: DeskAttention }) {
  const stale = Number((props.attention.counts as Record<string, unknown>).staleShift ?? 0);
  if (stale <= 0) return null;
  return (
    <Tooltip title={S.badgeOpenShiftHint}>
      <Button danger data-testid="fees-stale-shift-badge" icon={<LockOutlined aria-hidden />} onClick={() => go(feesHash.close)}>
        {S.badgeOpenShift}
      </Button>
    </Tooltip>
  );
}
