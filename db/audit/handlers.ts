import type { Handlers } from '../context';
import type { auditCommands } from '../../shared/contract/audit';

export const auditHandlers: Handlers<keyof typeof auditCommands> = {
  'audit.list': async (ctx, input) => {
    const f = input.filters;
    let q = ctx.db.selectFrom('audit_log').leftJoin('operators', 'operators.id', 'audit_log.operator_id');
    if (f.command) q = q.where('audit_log.command', '=', f.command);
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
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        operatorId: r.operator_id,
        operatorName: r.display_name,
        command: r.command,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before_json === null ? null : JSON.parse(r.before_json),
        after: r.after_json === null ? null : JSON.parse(r.after_json),
      })),
    };
  },
};
