import { SolutionOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { RECEPTION_ROLES } from '../../shared/contract/reception';
import { ReceptionDesk } from './ReceptionDesk';
import { AttentionBadge } from './AttentionBadge';
import { LogFromUnitButton } from './LogFromUnit';
import { ReceptionLimitsTab } from './ReceptionLimitsTab';
import { receptionHash } from './route';
import { RECEPTION_PRINT_FORMS } from './print/forms';
import { S } from './strings';

/** 接待登记 as the shell, the counter search, the unit card and 设置 see it (renderer/desk-module.tsx). */
export const receptionModule: RendererDesk = {
  key: 'reception',
  // aria-hidden: the menu item's accessible name must be the desk's title alone.
  icon: <SolutionOutlined aria-hidden />,
  view: ReceptionDesk,
  headerBadge: AttentionBadge,
  // Entry numbers (JD…) found by the counter search (F2) open the entry, from any desk.
  openers: {
    reception: (hit) => {
      window.location.hash = receptionHash.entry(hit.id);
    },
  },
  printForms: RECEPTION_PRINT_FORMS,
  settingsTabs: [{ key: 'reception', label: S.limitsTab, roles: RECEPTION_ROLES, render: () => <ReceptionLimitsTab /> }],
  unitCardActions: [LogFromUnitButton],
  openItemHref: (id) => receptionHash.entry(id),
  // Handled by the reception desk and the unit card themselves (renderer/reception/useNewEntryShortcut.ts).
  shortcuts: [{ id: 'newEntry', keys: 'F4', description: S.shortcutNewEntry }],
};
