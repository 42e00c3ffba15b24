import { useEffect, useState } from 'react';
import { Segmented } from 'antd';
import { PASS_STATES } from '../../shared/passes';
import { hasAnyRole } from '../../shared/permissions';
import { PASS_OFFICE_ROLES } from '../../shared/contract/passes';
import { useSession } from '../session/SessionContext';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { useFunctionKey } from '../components/useFunctionKey';
import { GateScreen } from './GateScreen';
import { NewPassModal } from './NewPassModal';
import { PassDetailView } from './PassDetailView';
import { PassList, type PassFilters } from './PassList';
import { PassReports } from './PassReports';
import { go, parsePassesHash, passesHash, usePassesHash, type PassesTab } from './route';
import { S } from './strings';

const TABS: { value: PassesTab; label: string }[] = [
  { value: 'list', label: S.tabList },
  { value: 'gate', label: S.tabGate },
  { value: 'reports', label: S.tabReports },
];

/** `?state=pending`: the filter a link (the header badge) asks for, or null. */
function filtersFromQuery(q: URLSearchParams): PassFilters | null {
  const state = q.get('state');
  return (PASS_STATES as readonly string[]).includes(state ?? '') ? { state: state as PassFilters['state'] } : null;
}

/**
 * 物品放行. The office (front desk, officers, supervisors) works the applications, approvals and
 * reports, and enters the guard's returned stubs at 门岗放行; the gate guard, who holds none of
 * the office's pass roles, sees the gate screen alone, whatever the address says.
 */
export function PassesDesk() {
  const { operator } = useSession();
  return hasAnyRole(operator.roles, PASS_OFFICE_ROLES) ? <OfficeDesk /> : <GuardDesk />;
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
  const { page, query } = parsePassesHash(hash);
  const [filters, setFilters] = useState<PassFilters>(() => filtersFromQuery(query) ?? {});
  const [seenHash, setSeenHash] = useState(hash);
  if (seenHash !== hash) {
    // A link with filters replaces the current ones.
    setSeenHash(hash);
    const asked = filtersFromQuery(query);
    if (asked) setFilters(asked);
  }
  const [opening, setOpening] = useState(false);
  useFunctionKey(S.newPassKey, () => setOpening(true));
  const tab: PassesTab = page.page === 'gate' ? 'gate' : page.page === 'reports' ? 'reports' : 'list';
  return (
    <div>
      <Segmented<PassesTab> aria-label={S.tabsLabel} value={tab} onChange={(t) => go(passesHash.tab(t))} options={TABS} style={{ marginBottom: 16 }} />
      {page.page === 'list' && <PassList filters={filters} onFilters={setFilters} onNew={() => setOpening(true)} />}
      {page.page === 'pass' && <PassDetailView key={page.passId} passId={page.passId} />}
      {page.page === 'passNo' && <PassByNo no={page.no} />}
      {page.page === 'gate' && <GateScreen key={page.no ?? ''} initialNo={page.no} />}
      {page.page === 'reports' && <PassReports />}
      {opening && <NewPassModal onClose={() => setOpening(false)} />}
    </div>
  );
}

/** A pass by its number (a link, a scan through the counter search): found, it opens by id. */
function PassByNo(props: { no: string }) {
  const { value, error } = useCommandResult('passes.get', { no: props.no });
  // Replaces the number's address, so 返回 from the pass goes where the operator came from.
  useEffect(() => {
    if (value) window.location.replace(passesHash.pass(value.id));
  }, [value]);
  return <LoadState error={error ? { ...error, message: error.kind === 'not_found' ? S.scanNotFound(props.no) : error.message } : null} loading={S.detailLoading} />;
}
