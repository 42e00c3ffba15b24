import { useState } from 'react';
import { Segmented } from 'antd';
import { ENTRY_STATES, URGENCIES } from '../../shared/reception';
import { DailyReportView } from './DailyReportView';
import { EntryDetailView } from './EntryDetailView';
import { EntryList, type EntryFilters } from './EntryList';
import { HandoverView } from './HandoverView';
import { LogEntryModal } from './LogEntryModal';
import { VisitorsView } from './VisitorsView';
import { go, parseReceptionHash, receptionHash, useReceptionHash, type ReceptionTab } from './route';
import { useNewEntryShortcut } from './useNewEntryShortcut';
import { S } from './strings';

/** `?due=overdue`, `?urgency=major&state=open`, `?escalated=me`: the filters a link (the shell badge) asks for, or null. */
function filtersFromQuery(q: URLSearchParams): EntryFilters | null {
  const out: EntryFilters = {};
  const due = q.get('due');
  if (due === 'overdue' || due === 'due_soon') out.due = due;
  const urgency = q.get('urgency');
  if ((URGENCIES as readonly string[]).includes(urgency ?? '')) out.urgency = urgency as EntryFilters['urgency'];
  const state = q.get('state');
  if ((ENTRY_STATES as readonly string[]).includes(state ?? '')) out.state = state as EntryFilters['state'];
  if (q.get('escalated') === 'me') out.escalatedToMe = true;
  return Object.keys(out).length ? out : null;
}

const TABS: { value: ReceptionTab; label: string }[] = [
  { value: 'list', label: S.tabList },
  { value: 'visitors', label: S.tabVisitors },
  { value: 'daily', label: S.tabDaily },
  { value: 'handover', label: S.tabHandover },
];

/**
 * 接待登记: the log (list and entries), visitors, the daily report and the shift handover.
 * F4 opens 新登记 from any of its pages.
 */
export function ReceptionDesk() {
  const hash = useReceptionHash();
  const { page, query } = parseReceptionHash(hash);
  const [filters, setFilters] = useState<EntryFilters>(() => filtersFromQuery(query) ?? {});
  const [seenHash, setSeenHash] = useState(hash);
  if (seenHash !== hash) {
    // A link with filters replaces the current ones; the shell then tidies the hash to
    // `#/reception`, which must not clear them again.
    setSeenHash(hash);
    const asked = filtersFromQuery(query);
    if (asked) setFilters(asked);
  }
  const [logging, setLogging] = useState(false);
  useNewEntryShortcut(() => setLogging(true));

  const tab: ReceptionTab = page.page === 'entry' ? 'list' : page.page;
  return (
    <div>
      <Segmented<ReceptionTab>
        aria-label={S.tabsLabel}
        value={tab}
        onChange={(t) => go(receptionHash.tab(t))}
        options={TABS}
        style={{ marginBottom: 16 }}
      />
      {page.page === 'list' && <EntryList filters={filters} onFilters={setFilters} onNew={() => setLogging(true)} />}
      {page.page === 'entry' && <EntryDetailView key={page.entryId} entryId={page.entryId} />}
      {page.page === 'visitors' && <VisitorsView />}
      {page.page === 'daily' && <DailyReportView />}
      {page.page === 'handover' && <HandoverView />}
      {logging && <LogEntryModal onClose={() => setLogging(false)} />}
    </div>
  );
}
