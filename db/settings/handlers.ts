import type { Handlers } from '../context';
import type { settingsCommands } from '../../shared/contract/settings';
import { writeSettings } from './service';

export const settingsHandlers: Handlers<keyof typeof settingsCommands> = {
  'settings.get': async (ctx) => ctx.settings,
  'settings.update': async (ctx, input) => writeSettings(ctx, input),
};
