import { KeyOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { KEY_ROLES } from '../../shared/contract/keys';
import { KeysAttentionBadge } from './AttentionBadge';
import { KeysFromUnitButton } from './FromUnit';
import { KeyRulesTab } from './KeyRulesTab';
import { KeysDesk } from './KeysDesk';
import { KEYS_PRINT_FORMS } from './print/forms';
import { keysHash } from './route';
import { S } from './strings';

/** 钥匙管理 as the shell, the counter search, the unit card and 设置 see it (renderer/desk-module.tsx). */
export const keysModule: RendererDesk = {
  key: 'keys',
  // aria-hidden: the menu item's accessible name must be the desk's title alone.
  icon: <KeyOutlined aria-hidden />,
  view: KeysDesk,
  headerBadge: KeysAttentionBadge,
  // Tag codes (YS…) typed or scanned into the counter search (F2) open the key, from any desk.
  openers: {
    keys: (hit) => {
      window.location.hash = keysHash.key(hit.id);
    },
  },
  printForms: KEYS_PRINT_FORMS,
  settingsTabs: [{ key: 'keys', label: S.rulesTab, roles: KEY_ROLES, render: () => <KeyRulesTab /> }],
  unitCardActions: [KeysFromUnitButton],
  // The unit card lists the unit's keys by id.
  openItemHref: (id) => (/^\d+$/.test(id) ? keysHash.key(id) : ''),
  shortcuts: [{ id: 'keysScan', keys: S.scanKey, description: S.shortcutScan }],
};
