import { Tabs } from 'antd';
import { hasAnyRole } from '../../shared/permissions';
import { useDesks, type DeskViewProps, type SettingsTab } from '../desk-module';
import { useSession } from '../session/SessionContext';
import { ChangePasswordTab } from './ChangePasswordTab';
import { OperatorsTab } from './OperatorsTab';
import { SystemSettingsTab } from './SystemSettingsTab';
import { AuditTab } from './AuditTab';
import { PrintSettingsTab } from './PrintSettingsTab';
import { S } from './strings';

/** The office's own tabs and who sees each; the server checks the same roles on every command behind it. */
const OFFICE_TABS: SettingsTab[] = [
  { key: 'password', label: S.tabPassword, roles: 'all', render: () => <ChangePasswordTab /> },
  { key: 'operators', label: S.tabOperators, roles: ['admin'], render: () => <OperatorsTab /> },
  { key: 'system', label: S.tabSystem, roles: ['admin'], render: () => <SystemSettingsTab /> },
  { key: 'print', label: S.tabPrint, roles: ['admin'], render: () => <PrintSettingsTab /> },
];
const AUDIT_TAB: SettingsTab = { key: 'audit', label: S.tabAudit, roles: ['supervisor', 'admin'], render: () => <AuditTab /> };

/** Keys the desks' tabs may not take. */
export const CORE_SETTINGS_TABS = [...OFFICE_TABS, AUDIT_TAB].map((t) => t.key);

/** 设置: the office's tabs, each desk's own (its time limits…), and the operation log last. */
export function SettingsDesk(props: DeskViewProps) {
  const { operator } = useSession();
  const desks = useDesks();
  const tabs = [...OFFICE_TABS, ...desks.settingsTabs, AUDIT_TAB].filter((t) => t.roles === 'all' || hasAnyRole(operator.roles, t.roles));
  const active = tabs.find((t) => t.key === props.section) ?? tabs[0]!;
  return (
    <Tabs
      activeKey={active.key}
      onChange={props.onSection}
      destroyOnHidden
      items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
    />
  );
}
