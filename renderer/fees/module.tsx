import { AccountBookOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { FEES_BILLING_PRINT_FORMS, FEES_BILLING_SETTINGS_TABS } from './billing';
import { FeesAttentionBadge } from './AttentionBadge';
import { FeesDesk } from './FeesDesk';
import { FeesFromUnitButton } from './FeesFromUnit';
import { FEES_COUNTER_PRINT_FORMS } from './print/forms';
import { feesHash } from './route';
import { S } from './strings';

/** 收费 as the shell, the counter search, the unit card and 设置 see it (renderer/desk-module.tsx). */
export const feesModule: RendererDesk = {
  key: 'fees',
  // aria-hidden: the menu item's accessible name must be the desk's title alone.
  icon: <AccountBookOutlined aria-hidden />,
  view: FeesDesk,
  headerBadge: FeesAttentionBadge,
  // Receipt numbers (SJ…, TK…) typed or scanned into the counter search (F2) open the receipt, from any desk.
  openers: {
    'fees-receipt': (hit) => {
      window.location.hash = feesHash.receipt(String(hit.id));
    },
  },
  printForms: [...FEES_COUNTER_PRINT_FORMS, ...FEES_BILLING_PRINT_FORMS],
  settingsTabs: FEES_BILLING_SETTINGS_TABS,
  unitCardActions: [FeesFromUnitButton],
  // The unit card lists unpaid bills as 'bill-<id>', which names no unit: they stay unlinked and the
  // card's 收费 button opens the counter on the unit. An item that names its unit ('unit-<id>…') links there.
  openItemHref: (id) => {
    const unitId = /^unit-(\d+)/.exec(id)?.[1];
    return unitId ? feesHash.unit(unitId) : '';
  },
  // Handled by the counter itself (useFunctionKey), once bills are ticked.
  shortcuts: [
    { id: 'feesPrepay', keys: S.prepayKey, description: S.shortcutPrepay },
    { id: 'feesPay', keys: S.payKey, description: S.shortcutPay },
  ],
};
