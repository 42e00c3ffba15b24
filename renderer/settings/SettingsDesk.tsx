import { Tabs } from 'antd';
import type { Role } from '../../shared/roles';
import { hasAnyRole } from '../desks';
import { useSession } from '../session/SessionContext';
import { ChangePasswordTab } from './ChangePasswordTab';
import { OperatorsTab } from './OperatorsTab';
import { SystemSettingsTab } from './SystemSettingsTab';
import { AuditTab } from './AuditTab';
import { PrintSettingsTab } from './PrintSettingsTab';
import { S } from './strings';
import { ReceptionLimitsTab } from '../reception/ReceptionLimitsTab';
import { S as RECEPTION } from '../reception/strings';
import { RECEPTION_ROLES } from '../../shared/contract/reception';

/** Each tab and who sees it; the server checks the same roles on every command behind it. */
const TABS: { key: string; label: string; roles: readonly Role[] | 'all'; render(): React.ReactNode }[] = [
  { key: 'password', label: S.tabPassword, roles: 'all', render: () => <ChangePasswordTab /> },
  { key: 'operators', label: S.tabOperators, roles: ['admin'], render: () => <OperatorsTab /> },
  { key: 'system', label: S.tabSystem, roles: ['admin'], render: () => <SystemSettingsTab /> },
  { key: 'print', label: S.tabPrint, roles: ['admin'], render: () => <PrintSettingsTab /> },
  { key: 'reception', label: RECEPTION.limitsTab, roles: RECEPTION_ROLES, render: () => <ReceptionLimitsTab /> },
  { key: 'audit', label: S.tabAudit, roles: ['supervisor', 'admin'], render: () => <AuditTab /> },
];

export function SettingsDesk(props: { section: string | undefined; onSection(section: string): void }) {
  const { operator } = useSession();
  const tabs = TABS.filter((t) => t.roles === 'all' || hasAnyRole(operator.roles, t.roles));
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
