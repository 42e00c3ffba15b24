import { useEffect, useState } from 'react';
import { Segmented } from 'antd';
import { usesDesk } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { useFunctionKey } from '../components/useFunctionKey';
import { GateScreen } from './GateScreen';
import { go, parsePassesHash, passesHash, usePassesHash, type PassesTab } from './route';
import { S } from './strings';

const TABS: { value: PassesTab; label: string }[] = [
  { value: 'list', label: S.tabList },
  { value: 'gate', label: S.tabGate },
  { value: 'reports', label: S.tabReports },
];

/**
 * 物品放行. The office (front desk, officers, supervisors) works the applications, approvals and
 * reports, and enters the guard's returned stubs at 门岗放行; the gate guard, who works at no
 * other desk (no estate), sees the gate screen alone, whatever the address says.
 */
export function PassesDesk() {
  const { operator } = useSession();
  const office = usesDesk(operator.roles, 'estate');
  return office ? <OfficeDesk /> : <GuardDesk />;
}

function GuardDesk() {
  const hash = usePassesHash();
  useEffect(() => {
    if (hash !== passesHash.gate) window.location.replace(passesHash.gate);
  }, [hash]);
  return <GateScreen />;
}

function OfficeDesk() {
  const hash = usePassesHash();
  const { page } = parsePassesHash(hash);
  const [opening, setOpening] = useState(false);
  useFunctionKey(S.newPassKey, () => setOpening(true));
  const tab: PassesTab = page.page === 'gate' ? 'gate' : page.page === 'reports' ? 'reports' : 'list';
  return (
    <div>
      <Segmented<PassesTab> aria-label={S.tabsLabel} value={tab} onChange={(t) => go(passesHash.tab(t))} options={TABS} style={{ marginBottom: 16 }} />
      {page.page === 'gate' && <GateScreen />}
      {opening && null}
    </div>
  );
}
