import type { ReactNode } from 'react';
import { Layout, Menu, Typography } from 'antd';
import {
  AccountBookOutlined,
  BarChartOutlined,
  ExportOutlined,
  HomeOutlined,
  KeyOutlined,
  SettingOutlined,
  SolutionOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { Desk, DeskKey } from '../desks';
import { S } from '../strings';
import { isBuilt } from './DeskView';

// aria-hidden: the item's accessible name must be the desk's title alone, not "tool 报修派工".
const ICONS: Record<DeskKey, ReactNode> = {
  reception: <SolutionOutlined aria-hidden />,
  repairs: <ToolOutlined aria-hidden />,
  keys: <KeyOutlined aria-hidden />,
  passes: <ExportOutlined aria-hidden />,
  fees: <AccountBookOutlined aria-hidden />,
  estate: <HomeOutlined aria-hidden />,
  reports: <BarChartOutlined aria-hidden />,
  settings: <SettingOutlined aria-hidden />,
};

export function DeskMenu(props: { desks: Desk[]; current: DeskKey; onSelect(key: DeskKey): void }) {
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
          items={props.desks.map((d) => ({
            key: d.key,
            icon: ICONS[d.key],
            label: isBuilt(d) ? (
              d.title
            ) : (
              <>
                {d.title}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {S.deskComingTag}
                </Typography.Text>
              </>
            ),
          }))}
          onClick={({ key }) => props.onSelect(key as DeskKey)}
        />
      </nav>
    </Layout.Sider>
  );
}
