import { prepared, type Handlers } from '../../context';
import { feeRulesSettings, type feesBillingCommands } from '../../../shared/contract/fees-billing';
import { officeDayOf, officeMonthOf } from '../../../shared/office-time';
import { updateDeskSettings } from '../../settings/service';
import { planMonth, runMonth, summarize, unpaidBillsOf } from './bills';
import { endAssignment, endVacancy, listAssignments, listItems, listVacancies, registerVacancy, renewVacancy, saveAssignment, saveItem } from './items';
import { importReadings, listReadings, parseReadingsFile, readingsTemplate, recordReading, type ParsedReadings } from './readings';
import { arrears, charge, collectionRate, exportArrears, reminderPrinted, reminderRecord } from './reports';

export const feesBillingHandlers: Handlers<keyof typeof feesBillingCommands> = {
  'fees.items': (ctx) => listItems(ctx.db, officeMonthOf(ctx.nowIso)),
  'fees.saveItem': saveItem,
  'fees.assignments': (ctx, input) => listAssignments(ctx.db, input),
  'fees.saveAssignment': saveAssignment,
  'fees.endAssignment': endAssignment,
  'fees.readings': (ctx, input) => listReadings(ctx.db, input),
  'fees.recordReading': recordReading,
  'fees.readingsTemplate': () => readingsTemplate(),
  'fees.importReadings': prepared<'fees.importReadings', ParsedReadings>({ prepare: parseReadingsFile, run: importReadings }),
  'fees.vacancies': listVacancies,
  'fees.registerVacancy': registerVacancy,
  'fees.endVacancy': endVacancy,
  'fees.renewVacancy': renewVacancy,
  'fees.previewRun': async (ctx, input) => summarize(await planMonth(ctx.db, input.month, ctx.settings.feeRules), false),
  'fees.run': (ctx, input) => runMonth(ctx, input.month),
  'fees.charge': charge,
  'fees.unpaid': (ctx, input) => unpaidBillsOf(ctx, input.unitId),
  'fees.arrears': (ctx, input) => arrears(ctx.db, officeDayOf(ctx.now), input),
  'fees.exportArrears': (ctx, input) => exportArrears(ctx, input.filters),
  'fees.printReminder': (ctx, input) => reminderRecord(ctx, input.record),
  'fees.reminderPrinted': reminderPrinted,
  'fees.collectionRate': (ctx, input) => collectionRate(ctx.db, input.period),
  'fees.updateFeeRules': updateDeskSettings(feeRulesSettings),
};
