import { Button, Layout, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { LockOutlined, LogoutOutlined, QuestionCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../shared/roles';
import { useSession } from '../session/SessionContext';
import { S } from '../strings';
import { S as SEARCH } from '../search/strings';
import type { DeskAttention } from '../../shared/contract/shell';
import type { DeskKey } from '../../shared/desks';
import type { DeskEntry } from '../desk-module';

export function ShellHeader(props: { desks: DeskEntry[]; attention: Partial<Record<DeskKey, DeskAttention>>; onLock(): void; onHelp(): void; onSearch?: () => void }) {
  const { session, operator, logout } = useSession();
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        paddingInline: 24,
      }}
    >
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="office-name">
        {session.officeName}
      </Typography.Text>
      <Space size="middle">
        {/* Each desk's reminders in words (超时 N, 上报待复 N…), for the desks this operator works at, only while there is something. */}
        {props.desks.map((d) => {
          const Badge = d.module?.headerBadge;
          const attention = props.attention[d.key];
          return Badge && attention ? <Badge key={d.key} attention={attention} /> : null;
        })}
        <span aria-label={S.signedInAs}>
          <Typography.Text>{operator.displayName}</Typography.Text>{' '}
          {operator.roles.map((r) => (
            <Tag key={r} style={{ marginInlineEnd: 4 }}>
              {ROLE_LABELS[r]}
            </Tag>
          ))}
        </span>
        {/* Icons are aria-hidden so each button's name is exactly its text. */}
        {props.onSearch && (
          <Tooltip title="F2 / Ctrl+K">
            <Button icon={<SearchOutlined aria-hidden />} onClick={props.onSearch}>
              {SEARCH.button}
            </Button>
          </Tooltip>
        )}
        <Tooltip title="F1">
          <Button icon={<QuestionCircleOutlined aria-hidden />} onClick={props.onHelp}>
            {S.shortcuts}
          </Button>
        </Tooltip>
        <Tooltip title="Ctrl+L">
          <Button icon={<LockOutlined aria-hidden />} onClick={props.onLock}>
            {S.lock}
          </Button>
        </Tooltip>
        <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()}>
          {S.logout}
        </Button>
      </Space>
    </Layout.Header>
  );
}
