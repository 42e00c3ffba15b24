import { useState } from 'react';
import { Segmented } from 'antd';
import { AuditPage } from './audit/AuditView';
import { CounterView } from './counter/CounterView';
import { HandoverView } from './HandoverView';
import { KeyByTag, KeyDetailView } from './KeyDetailView';
import { KeyList, keyFiltersFromQuery, type KeyFilters } from './KeyList';
import { LoansView, loanFiltersFromQuery } from './loans/LoansView';
import type { LoanFilters } from './loans/LoanTable';
import { RegisterView } from './register/RegisterView';
import { go, keysHash, parseKeysHash, useKeysHash, type KeysTab } from './route';
import { S } from './strings';

const TABS: { value: KeysTab; label: string }[] = [
  { value: 'counter', label: S.tabCounter },
  { value: 'list', label: S.tabList },
  { value: 'register', label: S.tabRegister },
  { value: 'loans', label: S.tabLoans },
  { value: 'audit', label: S.tabAudit },
  { value: 'handover', label: S.tabHandover },
];

/** Filters a link asks for (the header badge, the unit card) replace the current ones when the address changes. */
function useLinkedFilters<F>(hash: string, fromQuery: (q: URLSearchParams) => F | null, query: URLSearchParams): [F, (f: F) => void] {
  const [filters, setFilters] = useState<F>(() => fromQuery(query) ?? ({} as F));
  const [seenHash, setSeenHash] = useState(hash);
  if (seenHash !== hash) {
    setSeenHash(hash);
    const asked = fromQuery(query);
    if (asked) setFilters(asked);
  }
  return [filters, setFilters];
}

/**
 * 钥匙管理: the counter (scan to lend, scan to return), the register, registering keys, the loans,
 * the cabinet audit and the handover summary. A key's tag typed or scanned into the counter
 * search opens the key from any desk.
 */
export function KeysDesk() {
  const hash = useKeysHash();
  const { page, query } = parseKeysHash(hash);
  const [keyFilters, setKeyFilters] = useLinkedFilters<KeyFilters>(hash, keyFiltersFromQuery, query);
  const [loanFilters, setLoanFilters] = useLinkedFilters<LoanFilters>(hash, loanFiltersFromQuery, query);
  const tab: KeysTab = page.page === 'key' || page.page === 'tag' ? 'list' : page.page;
  return (
    <div>
      <Segmented<KeysTab> aria-label={S.tabsLabel} value={tab} onChange={(t) => go(keysHash.tab(t))} options={TABS} style={{ marginBottom: 16 }} />
      {page.page === 'counter' && <CounterView />}
      {page.page === 'list' && <KeyList filters={keyFilters} onFilters={setKeyFilters} />}
      {page.page === 'key' && <KeyDetailView key={page.keyId} keyId={page.keyId} />}
      {page.page === 'tag' && <KeyByTag key={page.tag} tag={page.tag} />}
      {page.page === 'register' && <RegisterView />}
      {page.page === 'loans' && <LoansView filters={loanFilters} onFilters={setLoanFilters} />}
      {page.page === 'audit' && <AuditPage auditId={page.auditId} />}
      {page.page === 'handover' && <HandoverView />}
    </div>
  );
}
