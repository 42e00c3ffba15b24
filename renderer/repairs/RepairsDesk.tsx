import { useEffect, useState } from 'react';
import { Segmented } from 'antd';
import { ORDER_STATES } from '../../shared/repairs';
import { useFunctionKey } from '../components/useFunctionKey';
import { LoadState } from '../components/LoadState';
import { useCommandResult } from '../components/useCommandResult';
import { FromEntryModal } from './FromEntryModal';
import { OpenOrderModal } from './OpenOrderModal';
import { OrderDetailView } from './OrderDetailView';
import { OrderList, type OrderFilters } from './OrderList';
import { SummaryView } from './SummaryView';
import { go, parseRepairsHash, repairsHash, useRepairsHash, type RepairsTab } from './route';
import { S } from './strings';

/** `?due=overdue`, `?state=pending`, `?callback=due_today`: the filters a link (the header badge) asks for, or null. */
function filtersFromQuery(q: URLSearchParams): OrderFilters | null {
  const out: OrderFilters = {};
  const due = q.get('due');
  if (due === 'overdue' || due === 'due_soon') out.due = due;
  const state = q.get('state');
  if ((ORDER_STATES as readonly string[]).includes(state ?? '')) out.state = state as OrderFilters['state'];
  const callback = q.get('callback');
  if (callback === 'due_today' || callback === 'overdue') out.callback = callback;
  return Object.keys(out).length ? out : null;
}

const TABS: { value: RepairsTab; label: string }[] = [
  { value: 'list', label: S.tabList },
  { value: 'summary', label: S.tabSummary },
];

/**
 * 报修派工: the orders (list and detail) and the monthly summary. F8 opens 新报修 from any of its
 * pages. A 维修单's QR scanned anywhere opens the order through the counter search (the shell's
 * scanner and this desk's search provider), as does its number typed into F2.
 */
export function RepairsDesk() {
  const hash = useRepairsHash();
  const { page, query } = parseRepairsHash(hash);
  const [filters, setFilters] = useState<OrderFilters>(() => filtersFromQuery(query) ?? {});
  const [seenHash, setSeenHash] = useState(hash);
  if (seenHash !== hash) {
    // A link with filters replaces the current ones; the shell then tidies the hash to `#/repairs`.
    setSeenHash(hash);
    const asked = filtersFromQuery(query);
    if (asked) setFilters(asked);
  }
  const [opening, setOpening] = useState(false);
  useFunctionKey(S.newOrderKey, () => setOpening(true));

  const tab: RepairsTab = page.page === 'summary' ? 'summary' : 'list';
  return (
    <div>
      <Segmented<RepairsTab> aria-label={S.tabsLabel} value={tab} onChange={(t) => go(repairsHash.tab(t))} options={TABS} style={{ marginBottom: 16 }} />
      {(page.page === 'list' || page.page === 'fromEntry') && <OrderList filters={filters} onFilters={setFilters} onNew={() => setOpening(true)} />}
      {page.page === 'order' && <OrderDetailView key={page.orderId} orderId={page.orderId} />}
      {page.page === 'orderNo' && <OrderByNo no={page.no} />}
      {page.page === 'fromEntry' && <FromEntryModal key={page.entryId} entryId={page.entryId} />}
      {page.page === 'summary' && <SummaryView />}
      {opening && <OpenOrderModal onClose={() => setOpening(false)} />}
    </div>
  );
}

/** An order by its number (a scan, reception's link): found, it opens by id; not found, says so. */
function OrderByNo(props: { no: string }) {
  const { value, error } = useCommandResult('repairs.get', { no: props.no });
  // Replaces the number's address, so 返回 from the order goes where the operator came from.
  useEffect(() => {
    if (value) window.location.replace(repairsHash.order(value.id));
  }, [value]);
  return <LoadState error={error ? { ...error, message: error.kind === 'not_found' ? S.scanNotFound(props.no) : error.message } : null} loading={S.detailLoading} />;
}
