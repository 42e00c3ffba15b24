import { ExportOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { PASS_OFFICE_ROLES } from '../../shared/contract/passes';
import { PassesAttentionBadge } from './AttentionBadge';
import { PassFromUnitButton } from './PassFromUnit';
import { PassesDesk } from './PassesDesk';
import { PassRulesTab } from './PassRulesTab';
import { PASSES_PRINT_FORMS } from './print/forms';
import { passesHash } from './route';
import { S } from './strings';

/** 物品放行 as the shell, the counter search, the unit card and 设置 see it (renderer/desk-module.tsx). */
export const passesModule: RendererDesk = {
  key: 'passes',
  // aria-hidden: the menu item's accessible name must be the desk's title alone.
  icon: <ExportOutlined aria-hidden />,
  view: PassesDesk,
  headerBadge: PassesAttentionBadge,
  // Pass numbers (FX…) typed or scanned into the counter search (F2) open the pass, from any desk.
  openers: {
    passes: (hit) => {
      window.location.hash = passesHash.pass(hit.id);
    },
  },
  printForms: PASSES_PRINT_FORMS,
  settingsTabs: [{ key: 'passes', label: S.rulesTab, roles: PASS_OFFICE_ROLES, render: () => <PassRulesTab /> }],
  unitCardActions: [PassFromUnitButton],
  // The unit card lists the unit's live passes by id.
  openItemHref: (id) => (/^\d+$/.test(id) ? passesHash.pass(id) : ''),
  // Handled by the passes desk itself (useFunctionKey).
  shortcuts: [{ id: 'newPass', keys: S.newPassKey, description: S.shortcutNewPass }],
};
