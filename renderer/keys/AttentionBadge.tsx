import { Badge, Button, Space, Tooltip } from 'antd';
import { ClockCircleOutlined, KeyOutlined } from '@ant-design/icons';
import type { KeyAttention } from '../../shared/contract/keys';
import type { DeskAttention } from '../../shared/contract/shell';
import { go, keysHash } from './route';
import { S } from './strings';

/** The custodian's reminder from shell.attention: "钥匙逾期 N" and "钥匙将到期 N". Nothing while both are 0. */
export function KeysAttentionBadge(props: { attention: DeskAttention }) {
  const a = props.attention.counts as Partial<KeyAttention>;
  const overdue = a.overdue ?? 0;
  const dueSoon = a.dueSoon ?? 0;
  if (overdue <= 0 && dueSoon <= 0) return null;
  return (
    <Space size="small">
      {overdue > 0 && (
        <Tooltip title={S.badgeOverdueHint}>
          <Badge dot offset={[-4, 4]}>
            <Button danger data-testid="keys-overdue-badge" icon={<ClockCircleOutlined aria-hidden />} onClick={() => go(keysHash.overdue)}>
              {S.badgeOverdue(overdue)}
            </Button>
          </Badge>
        </Tooltip>
      )}
      {dueSoon > 0 && (
        <Tooltip title={S.badgeDueSoonHint}>
          <Button data-testid="keys-due-soon-badge" icon={<KeyOutlined aria-hidden />} onClick={() => go(keysHash.dueSoon)}>
            {S.badgeDueSoon(dueSoon)}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
