import type { Handlers } from '../context';
import { keysCommands } from '../../shared/contract/keys';
import { fail } from '../../shared/result';

const notYet = async (): Promise<never> => {
  throw fail.conflict('尚未完成');
};

export const keysHandlers = Object.fromEntries(Object.keys(keysCommands).map((n) => [n, notYet])) as unknown as Handlers<keyof typeof keysCommands>;
