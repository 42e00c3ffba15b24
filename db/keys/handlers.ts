import type { Handlers } from '../context';
import { keyRulesSettings, type keysCommands } from '../../shared/contract/keys';
import { updateDeskSettings } from '../settings/service';
import { loadKey } from './records';
import { depositKey, flagRelabel, issueKey, registerKeys, reportLost, retireKey, updateKey } from './register';
import { byTag, chaseLoan, extendLoan, handover, lend, personHistory, returnKey } from './loans';
import { auditScan, finishAudit, listAudits, loadAudit, startAudit } from './audits';
import { auditRecord, issueSlipRecord, labelsRecord, loanSlipRecord, recordPrinted } from './prints';
import { listKeys, listLoans } from './lists';

export const keysHandlers: Handlers<keyof typeof keysCommands> = {
  'keys.register': registerKeys,
  'keys.update': updateKey,
  'keys.retire': retireKey,
  'keys.list': listKeys,
  'keys.get': (ctx, input) => loadKey(ctx, input),
  'keys.byTag': (ctx, input) => byTag(ctx, input.tag),
  'keys.issue': issueKey,
  'keys.deposit': depositKey,
  // One handler: the plain command refuses what needs approval; the approved one runs with ctx.approver.
  'keys.lend': lend,
  'keys.lendWithApproval': lend,
  'keys.return': returnKey,
  'keys.reportLost': reportLost,
  'keys.extend': extendLoan,
  'keys.chase': chaseLoan,
  'keys.loans': listLoans,
  'keys.personHistory': personHistory,
  'keys.handover': (ctx) => handover(ctx),
  'keys.startAudit': startAudit,
  'keys.auditScan': auditScan,
  'keys.finishAudit': (ctx, input) => finishAudit(ctx, input.auditId),
  'keys.audits': listAudits,
  'keys.audit': (ctx, input) => loadAudit(ctx, input.auditId),
  'keys.flagRelabel': flagRelabel,
  'keys.printLabels': async (ctx, input) => {
    const { keyIds: _ids, ...record } = await labelsRecord(ctx, input.record);
    return record;
  },
  'keys.printLoanSlip': (ctx, input) => loanSlipRecord(ctx, input.no),
  'keys.printIssueSlip': (ctx, input) => issueSlipRecord(ctx, input.no),
  'keys.printAudit': (ctx, input) => auditRecord(ctx, input.no),
  'keys.printed': recordPrinted,
  'keys.updateSettings': updateDeskSettings(keyRulesSettings),
};
