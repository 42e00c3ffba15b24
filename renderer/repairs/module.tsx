import { ToolOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { REPAIR_ROLES } from '../../shared/contract/repairs';
import { RepairsDesk } from './RepairsDesk';
import { RepairsAttentionBadge } from './AttentionBadge';
import { RepairFromUnitButton } from './OpenFromUnit';
import { RepairLimitsTab } from './RepairLimitsTab';
import { REPAIRS_PRINT_FORMS } from './print/forms';
import { repairsHash } from './route';
import { S } from './strings';

/** 报修派工 as the shell, the counter search, the unit card and 设置 see it (renderer/desk-module.tsx). */
export const repairsModule: RendererDesk = {
  key: 'repairs',
  // aria-hidden: the menu item's accessible name must be the desk's title alone.
  icon: <ToolOutlined aria-hidden />,
  view: RepairsDesk,
  headerBadge: RepairsAttentionBadge,
  // Order numbers (WX…) typed or scanned into the counter search (F2) open the order, from any desk.
  openers: {
    repairs: (hit) => {
      window.location.hash = repairsHash.order(hit.id);
    },
  },
  printForms: REPAIRS_PRINT_FORMS,
  settingsTabs: [{ key: 'repairs', label: S.limitsTab, roles: REPAIR_ROLES, render: () => <RepairLimitsTab /> }],
  unitCardActions: [RepairFromUnitButton],
  // The unit card lists open orders by id (a repair's charge is listed by the fees desk).
  openItemHref: (id) => (/^\d+$/.test(id) ? repairsHash.order(id) : ''),
  // Handled by the repairs desk and the unit card themselves (useFunctionKey).
  shortcuts: [{ id: 'newOrder', keys: S.newOrderKey, description: S.shortcutNewOrder }],
};
