import { combineDesks } from './desk-module';
import { CORE_SETTINGS_TABS } from './settings/SettingsDesk';
import { CORE_PRINT_FORMS } from './print/forms';
import { estateModule } from './estate/module';
import { feesModule } from './fees/module';
import { keysModule } from './keys/module';
import { receptionModule } from './reception/module';
import { passesModule } from './passes/module';
import { repairsModule } from './repairs/module';
import { settingsModule } from './settings/module';

/**
 * The renderer's desk modules, one line per desk (the shared list is shared/contract/desks.ts,
 * the server's db/desks.ts). Combined once; App provides the result to the shell, the counter
 * search, the unit card, 设置 and the print route through useDesks().
 */
export const DESK_REGISTRY = combineDesks([receptionModule, repairsModule, keysModule, passesModule, feesModule, estateModule, settingsModule], { settingsTabs: CORE_SETTINGS_TABS, printForms: CORE_PRINT_FORMS });
