import type { Handlers } from '../context';
import { AUDIT_DESKS, auditDeskOf, type auditCommands } from '../../shared/contract/audit';
import { isCommandName, commands } from '../../shared/contract';
import { recordNames } from './entities';
import { maskPersonalData } from './personal-data';

const parsed = (json: string | null) => (json === null ? null : maskPersonalData(JSON.parse(json)));

export const auditHandlers: Handlers<keyof typeof auditCommands> = {
  'audit.list': async (ctx, input) => {
    const f = input.filters;
    let q = ctx.db
      .selectFrom('audit_log')
      .leftJoin('operators', 'operators.id', 'audit_log.operator_id')
      .leftJoin('operators as approvers', 'approvers.id', 'audit_log.approver_id');
    if (f.command) q = q.where('audit_log.command', '=', f.command);
    // Command names are `desk.verb`; '_' and '%' never occur in a desk's name.
    if (f.desk) q = q.where('audit_log.command', 'like', `${f.desk}.%`);
    if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
    if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
    if (f.operatorId) q = q.where('audit_log.operator_id', '=', f.operatorId);
    if (f.from) q = q.where('audit_log.at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('audit_log.at', '<', new Date(f.to).toISOString());
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const column = input.sort?.field === 'command' ? 'audit_log.command' : 'audit_log.at';
    const rows = await q
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.operator_id',
        'operators.display_name',
        'operators.login',
        'audit_log.approver_id',
        'approvers.display_name as approver_name',
        'audit_log.command',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.before_json',
        'audit_log.after_json',
      ])
      .orderBy(column, input.sort?.desc === false ? 'asc' : 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    const kinds = ctx.services.desks.auditEntities;
    const recordOf = await recordNames(ctx.db, kinds, rows);
    return {
      total,
      rows: rows.map((r) => {
        const desk = auditDeskOf(r.command);
        return {
          id: r.id,
          at: r.at,
          operatorId: r.operator_id,
          operatorName: r.display_name,
          operatorLogin: r.login,
          approverId: r.approver_id,
          approverName: r.approver_name,
          command: r.command,
          commandSummary: isCommandName(r.command) ? commands[r.command].summary : r.command,
          desk: (AUDIT_DESKS as Record<string, string>)[desk] ?? desk,
          entity: r.entity,
          entityLabel: kinds[r.entity]?.label ?? r.entity,
          entityId: r.entity_id,
          record: recordOf(r.entity, r.entity_id),
          before: parsed(r.before_json),
          after: parsed(r.after_json),
        };
      }),
    };
  },

  'audit.operators': async (ctx) =>
    ctx.db.selectFrom('operators').select(['id', 'display_name as displayName', 'login']).orderBy('login').execute(),
};
