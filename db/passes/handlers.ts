import type { Handlers } from '../context';
import type { passesCommands } from '../../shared/contract/passes';
import { fail } from '../../shared/result';

const notYet = async (): Promise<never> => {
  throw fail.conflict('尚未完成');
};

export const passesHandlers: Handlers<keyof typeof passesCommands> = {
  'passes.apply': notYet,
  'passes.update': notYet,
  'passes.approve': notYet,
  'passes.approveOverride': notYet,
  'passes.void': notYet,
  'passes.get': notYet,
  'passes.byNumber': notYet,
  'passes.list': notYet,
  'passes.release': notYet,
  'passes.refuse': notYet,
  'passes.reissue': notYet,
  'passes.dutyList': notYet,
  'passes.monthly': notYet,
  'passes.exportMonthly': notYet,
  'passes.printPass': notYet,
  'passes.printDutyList': notYet,
  'passes.printMonthly': notYet,
  'passes.printed': notYet,
  'passes.updateSettings': notYet,
};
