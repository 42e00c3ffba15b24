import type { ReactNode } from 'react';
import { Badge, Layout, Menu, Typography } from 'antd';
import { AccountBookOutlined, AppstoreOutlined, BarChartOutlined, ExportOutlined, KeyOutlined, ToolOutlined } from '@ant-design/icons';
import type { DeskAttention } from '../../shared/contract/shell';
import type { DeskKey } from '../../shared/desks';
import type { DeskEntry } from '../desk-module';
import { S } from '../strings';

/**
 * Icons of the desks the product will have but this version does not build yet (a built desk's
 * icon comes from its module). aria-hidden: the item's accessible name must be the desk's title alone.
 */
const PLANNED_ICONS: Partial<Record<DeskKey, ReactNode>> = {
  repairs: <ToolOutlined aria-hidden />,
  keys: <KeyOutlined aria-hidden />,
  passes: <ExportOutlined aria-hidden />,
  fees: <AccountBookOutlined aria-hidden />,
  reports: <BarChartOutlined aria-hidden />,
};

export function DeskMenu(props: { desks: DeskEntry[]; current: DeskKey; attention: Partial<Record<DeskKey, DeskAttention>>; onSelect(key: DeskKey): void }) {
  return (
    <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid rgba(5,5,5,0.06)' }}>
      <Typography.Title level={4} style={{ margin: 0, padding: '18px 24px' }}>
        {S.appName}
      </Typography.Title>
      <nav aria-label={S.menuLabel}>
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 0 }}
          selectedKeys={[props.current]}
          items={props.desks.map((d) => {
            const badge = props.attention[d.key]?.badge ?? 0;
            return {
              key: d.key,
              icon: d.module?.icon ?? PLANNED_ICONS[d.key] ?? <AppstoreOutlined aria-hidden />,
              label: d.module ? (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                  {d.title}
                  {/* What the desk asks of this operator now (overdue, escalated to me…). Hidden from the
                      item's accessible name, which stays the desk's title; the header's buttons say it in words. */}
                  {badge > 0 && (
                    <span aria-hidden data-testid={`desk-badge-${d.key}`}>
                      <Badge count={badge} overflowCount={99} size="small" title={S.deskBadge(badge)} />
                    </span>
                  )}
                </span>
              ) : (
                <>
                  {d.title}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {S.deskComingTag}
                  </Typography.Text>
                </>
              ),
            };
          })}
          onClick={({ key }) => props.onSelect(key as DeskKey)}
        />
      </nav>
    </Layout.Sider>
  );
}
