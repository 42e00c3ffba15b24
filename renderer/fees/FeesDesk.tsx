import { Segmented } from 'antd';
import { hasAnyRole } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { FEES_BILLING_TABS } from './billing';
import { CloseView } from './close/CloseView';
import { CounterView } from './counter/CounterView';
import { ReceiptByNo } from './receipts/ReceiptDetail';
import { ReceiptsView } from './receipts/ReceiptsView';
import { feesHash, go, parseFeesHash, useFeesHash, type FeesCounterTab } from './route';
import { S } from './strings';

const COUNTER_TABS: { value: FeesCounterTab; label: string }[] = [
  { value: 'counter', label: S.tabCounter },
  { value: 'receipts', label: S.tabReceipts },
  { value: 'close', label: S.tabClose },
];

/**
 * 收费: the counter's own pages (收银台, 收据, 日结) and then the billing side's tabs this operator's
 * roles may see (fee items, the monthly run, readings, vacancy, arrears, reports).
 */
export function FeesDesk() {
  const hash = useFeesHash();
  const page = parseFeesHash(hash);
  const { operator } = useSession();
  const billingTabs = FEES_BILLING_TABS.filter((t) => hasAnyRole(operator.roles, t.roles));
  const tab = page.page === 'counter' ? 'counter' : page.page === 'receipt' ? 'receipts' : page.page === 'billing' ? page.tab : page.page;
  const billing = page.page === 'billing' ? billingTabs.find((t) => t.key === page.tab) : undefined;
  return (
    <div>
      <Segmented<string>
        aria-label={S.tabsLabel}
        value={tab}
        onChange={(t) => go(feesHash.tab(t))}
        options={[...COUNTER_TABS, ...billingTabs.map((t) => ({ value: t.key, label: t.label }))]}
        style={{ marginBottom: 16 }}
      />
      {page.page === 'counter' && <CounterView unitId={page.unitId} />}
      {page.page === 'receipts' && <ReceiptsView />}
      {page.page === 'receipt' && <ReceiptByNo key={page.no} no={page.no} />}
      {page.page === 'close' && <CloseView />}
      {page.page === 'billing' && (billing ? billing.render() : <CounterView unitId={null} />)}
    </div>
  );
}
