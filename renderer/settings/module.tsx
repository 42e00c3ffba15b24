import { SettingOutlined } from '@ant-design/icons';
import type { RendererDesk } from '../desk-module';
import { SettingsDesk } from './SettingsDesk';

/** 设置: the office's own tabs, then each desk's (renderer/desk-module.tsx `settingsTabs`). */
export const settingsModule: RendererDesk = {
  key: 'settings',
  icon: <SettingOutlined aria-hidden />,
  view: SettingsDesk,
};
