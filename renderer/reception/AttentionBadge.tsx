import { Badge, Button, Space, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, RiseOutlined } from '@ant-design/icons';
import type { Attention } from '../../shared/contract/reception';
import type { DeskAttention } from '../../shared/contract/shell';
import { rolesMay } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { go, receptionHash } from './route';
import { S } from './strings';

/**
 * The shell's reminder for the reception desk, from its shell.attention counts: "超时 N" (the
 * operator's own overdue entries; all of them for supervisors), "重大待阅 N" for supervisors and
 * "上报待复 N" (escalated to this operator, not yet answered). Nothing is shown while they are 0.
 */
export function AttentionBadge(props: { attention: DeskAttention }) {
  const { operator } = useSession();
  const attention = props.attention.counts as unknown as Attention;
  const showMajor = rolesMay(operator.roles, 'approves') && attention.majorPending > 0;
  if (attention.overdue <= 0 && !showMajor && attention.escalated <= 0) return null;
  return (
    <Space size="small">
      {attention.escalated > 0 && (
        <Tooltip title={S.badgeEscalatedHint}>
          <Badge dot offset={[-4, 4]}>
            <Button type="primary" ghost data-testid="escalated-badge" icon={<RiseOutlined aria-hidden />} onClick={() => go(receptionHash.escalatedToMe)}>
              {S.badgeEscalated(attention.escalated)}
            </Button>
          </Badge>
        </Tooltip>
      )}
      {attention.overdue > 0 && (
        <Tooltip title={S.badgeOverdueHint}>
          <Badge dot offset={[-4, 4]}>
            <Button danger data-testid="overdue-badge" icon={<ClockCircleOutlined aria-hidden />} onClick={() => go(receptionHash.overdue)}>
              {S.badgeOverdue(attention.overdue)}
            </Button>
          </Badge>
        </Tooltip>
      )}
      {showMajor && (
        <Tooltip title={S.badgeMajorHint}>
          <Badge dot offset={[-4, 4]}>
            <Button data-testid="major-badge" icon={<ExclamationCircleOutlined aria-hidden />} onClick={() => go(receptionHash.majorPending)}>
              {S.badgeMajor(attention.majorPending)}
            </Button>
          </Badge>
        </Tooltip>
      )}
    </Space>
  );
}
