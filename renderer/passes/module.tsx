import { ExportOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { PassesDesk } from './PassesDesk';
import { passesHash } from './route';
import { S } from './strings';

/** 物品放行 as the shell, the counter search, the unit card and 设置 see it (renderer/desk-module.tsx). */
export const passesModule: RendererDesk = {
  key: 'passes',
  // aria-hidden: the menu item's accessible name must be the desk's title alone.
  icon: <ExportOutlined aria-hidden />,
  view: PassesDesk,
  openers: {
    passes: (hit) => {
      window.location.hash = passesHash.pass(hit.id);
    },
  },
  shortcuts: [{ id: 'newPass', keys: S.newPassKey, description: S.shortcutNewPass }],
};
