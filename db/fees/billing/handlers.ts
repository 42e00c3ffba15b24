import type { Handlers } from '../../context';
import { feeRulesSettings, type feesBillingCommands } from '../../../shared/contract/fees-billing';
import { fail } from '../../../shared/result';
import { updateDeskSettings } from '../../settings/service';

const notYet = async (): Promise<never> => {
  throw fail.conflict('收费功能尚未完成，请稍后再试');
};

export const feesBillingHandlers: Handlers<keyof typeof feesBillingCommands> = {
  'fees.items': notYet,
  'fees.saveItem': notYet,
  'fees.assignments': notYet,
  'fees.saveAssignment': notYet,
  'fees.endAssignment': notYet,
  'fees.readings': notYet,
  'fees.recordReading': notYet,
  'fees.readingsTemplate': notYet,
  'fees.importReadings': notYet,
  'fees.vacancies': notYet,
  'fees.registerVacancy': notYet,
  'fees.endVacancy': notYet,
  'fees.renewVacancy': notYet,
  'fees.previewRun': notYet,
  'fees.run': notYet,
  'fees.charge': notYet,
  'fees.unpaid': notYet,
  'fees.arrears': notYet,
  'fees.exportArrears': notYet,
  'fees.printReminder': notYet,
  'fees.reminderPrinted': notYet,
  'fees.collectionRate': notYet,
  'fees.updateFeeRules': updateDeskSettings(feeRulesSettings),
};
