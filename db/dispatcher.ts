import type { Insertable, Kysely } from 'kysely';
import { isCommandName, getCommand, type CommandName } from '../shared/contract';
import { accessAllows, type ApprovalInput, type CommandDef } from '../shared/contract/define';
import { CommandFailure, fail, type CommandError, type Result } from '../shared/result';
import { fieldErrors } from '../shared/zod-zh';
import type { Database } from './schema';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditEntry, BulkInsert, CommandContext, Handlers, Services, SignedInOperator } from './context';
import { createSettingsCache } from './settings/service';
import { confirmApproval, verifyApproval, type Approval, type ApprovalProof } from './auth/approval';
import { createSessionResolver, storeIdleLocks, type ResolvedSession } from './auth/sessions';
import { TOUCH_EVERY_MS } from './auth/session-rules';
import { sqliteUnder } from './connection';
import { tableChanges } from './table-changes';

export interface DispatchOutcome {
  response: Result<unknown>;
  /** Present when the command started (token) or ended (null) a session. */
  session?: { token: string | null };
}

export interface Dispatcher {
  run(name: unknown, input: unknown, caller: Caller): Promise<DispatchOutcome>;
}

export interface Caller {
  sessionToken: string | null;
  /** The transport's name for the client (browser cookie, Electron window); 'local' when it has none. */
  clientId?: string;
}

const err = (kind: CommandFailure['kind'] | 'internal', message: string, fields?: Record<string, string>, approval?: CommandError['approval']): DispatchOutcome => ({
  response: { ok: false, error: { kind, message, ...(fields && { fields }), ...(approval && { approval }) } },
});

/**
 * The one way into the database: validate → authenticate → authorize → one transaction
 * (command + audit rows) → envelope. Both transports (Electron IPC, the loopback HTTP host)
 * call this and nothing else.
 */
export function createDispatcher(deps: {
  db: Kysely<Database>;
  /** The raw connection under `db` (default: the one connect() opened it on): bulk inserts, change counts. */
  sqlite?: BetterSqlite3.Database;
  handlers: Handlers;
  services: Services;
  clock: () => Date;
  /**
   * Test seam: definitions used instead of the contract's for these commands (e.g. one that
   * declares `approval` while no production command does yet). The contract's everywhere else.
   */
  commandDefs?: Partial<Record<CommandName, CommandDef>>;
}): Dispatcher {
  const { db, handlers, services, clock } = deps;
  const definitionOf = (name: CommandName): CommandDef => deps.commandDefs?.[name] ?? getCommand(name);
  const sqlite = deps.sqlite ?? sqliteUnder(db);
  if (!sqlite) throw new Error('createDispatcher: db must be a connection opened by connect() (db/connection.ts)');
  const bulk = rawBulkInsert(sqlite);
  // The session, its operator and the settings are kept in memory, not read for every command:
  // one process owns the database (Electron's main process or `npm run serve`), and every write to
  // those tables through its connection — or a commit by any other — is counted
  // (db/table-changes.ts), so what is kept is dropped the moment it may be out of date.
  const changes = tableChanges(sqlite);
  const sessions = createSessionResolver(changes);
  const settingsCache = createSettingsCache(changes);

  return {
    async run(rawName, rawInput, caller) {
      if (!isCommandName(rawName)) {
        return err('not_found', `没有这个命令：${typeof rawName === 'string' ? rawName.slice(0, 64) : '（无）'}`);
      }
      const name: CommandName = rawName;
      const def = definitionOf(name);

      const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        return err('validation', '填写的内容有误，请检查标红的项目', fields);
      }
      // The approver's credentials are the dispatcher's business: the handler never sees the password.
      let input: unknown = parsed.data;
      let typedApproval: ApprovalInput | undefined;
      const approval: Approval | null = def.approval ? { roles: def.approval.roles, summary: def.approval.summary ?? def.summary } : null;
      if (approval) {
        const { approval: typed, ...rest } = parsed.data as { approval?: ApprovalInput };
        typedApproval = typed;
        input = rest;
      }

      const now = clock();
      try {
        const read = await settingsCache.read(db);
        let settings = read.settings;
        const resolved = await sessions.resolve(db, caller.sessionToken, now, settings.lockMinutes);
        let state = resolved.state;
        if (state && state !== 'expired' && state.locked && state.session.locked_at === null) {
          // The idle lock has just been noticed: one small write, once per lock.
          await storeIdleLocks(db, now, settings.lockMinutes, state.session.id);
        }
        const refused = refusal(def, state);
        if (refused) return err(refused.kind, refused.message);
        let live = state && state !== 'expired' ? state : null;
        const scope = {
          command: name,
          now,
          operator: live?.operator ?? null,
          approver: null as SignedInOperator | null,
          session: live?.session ?? null,
          sessionLocked: live?.locked ?? false,
          clientId: caller.clientId ?? 'local',
          settings,
          services,
        };
        const handler = handlers[name] as Handlers[CommandName];
        // Dual control: the approver's password is scrypt, so it is checked before the transaction.
        let approvalProof: ApprovalProof | null = null;
        if (approval) {
          approvalProof = await verifyApproval({ ...scope, db }, approval, typedApproval);
          scope.approver = approvalProof.approver;
        }
        let prepared: unknown;
        if (typeof handler !== 'function') {
          prepared = await handler.prepare({ ...scope, db }, input as never);
        }

        let sessionChange: { token: string | null } | undefined;
        let audits = 0;
        const value = await db.transaction().execute(async (trx) => {
          const nowIso = now.toISOString();
          if (sessions.changedSince(resolved.version) || settingsCache.changedSince(read.version)) {
            // Another command committed while this one waited for the database (or prepared):
            // judge it again by what is stored now — signed out, disabled, a role taken away,
            // locked, a shorter 锁屏时间 all count from the moment they commit.
            settings = scope.settings = (await settingsCache.read(trx)).settings;
            state = (await sessions.resolve(trx, caller.sessionToken, now, settings.lockMinutes)).state;
            const refusedNow = refusal(def, state);
            if (refusedNow) throw refusedNow;
            live = state && state !== 'expired' ? state : null;
            Object.assign(scope, { operator: live?.operator ?? null, session: live?.session ?? null, sessionLocked: live?.locked ?? false });
          }
          const settingsRowsBefore = changes.written('settings');
          if (live && !live.locked && def.access !== 'public' && !def.background && now.getTime() - Date.parse(live.session.last_seen_at) >= TOUCH_EVERY_MS) {
            // Activity keeps an unlocked session from locking. Lock times are whole minutes, so
            // a touch every few seconds is plenty — and keeps reads free of writes and fsyncs.
            await trx.updateTable('sessions').set({ last_seen_at: nowIso }).where('id', '=', live.session.id).execute();
          }
          // The approver may have been disabled, lost the role or changed the password meanwhile.
          if (approval && approvalProof) scope.approver = await confirmApproval(trx, live!.operator, approval, approvalProof);
          const ctx: CommandContext = {
            ...scope,
            db: trx,
            nowIso,
            bulkInsert: bulk,
            async audit(entry: AuditEntry) {
              audits++;
              await trx
                .insertInto('audit_log')
                .values(auditRow({ at: nowIso, operator: ctx.operator, approver: ctx.approver ?? null, command: name }, entry))
                .execute();
            },
            setSession(token) {
              sessionChange = { token };
            },
            requireOperator() {
              if (!ctx.operator) throw new CommandFailure('unauthenticated', '请先登录');
              return ctx.operator;
            },
          };
          const result =
            typeof handler === 'function'
              ? await (handler as (c: CommandContext, i: unknown) => Promise<unknown>)(ctx, input)
              : await (handler.run as (c: CommandContext, i: unknown, p: unknown) => Promise<unknown>)(ctx, input, prepared);
          if (def.writes && audits === 0) throw new Error(`write command ${name} appended no audit row`);
          // Screens already idle past the lock time as it was stay locked whatever the new setting says.
          if (changes.written('settings') !== settingsRowsBefore) await storeIdleLocks(trx, now, settings.lockMinutes);
          return result;
        });
        return sessionChange ? { response: { ok: true, value }, session: sessionChange } : { response: { ok: true, value } };
      } catch (e) {
        if (e instanceof CommandFailure) return err(e.kind, e.message, e.fields, e.approval);
        const constraint = sqliteConstraint(e);
        if (constraint) return err(constraint.kind, constraint.message);
        services.log.error('command_failed', {
          command: name,
          operator: caller.sessionToken ? 'session' : 'anonymous',
          error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
        });
        return err('internal', '系统出错，操作未保存。请重试；如果仍然出错，请联系管理员（详情已记入日志）。');
      }
    },
  };
}

/** Why a command may not run for this session (null: it may). */
function refusal(def: CommandDef, state: ResolvedSession): CommandFailure | null {
  if (def.access === 'public') return null;
  if (state === 'expired') return fail.unauthenticated('登录已过期，请重新登录');
  if (!state) return fail.unauthenticated('请先登录');
  if (state.locked && !def.allowedWhenLocked) return fail.unauthenticated('屏幕已锁定，请输入密码解锁');
  if (!accessAllows(def.access, state.operator.roles)) return fail.forbidden(`您的角色无权执行“${def.summary}”`);
  return null;
}

/** The audit_log row for one entry: every writer of audit rows builds it here. */
export function auditRow(
  by: { at: string; operator: SignedInOperator | null; approver: SignedInOperator | null; command: CommandName },
  entry: AuditEntry,
): Insertable<Database['audit_log']> {
  return {
    at: by.at,
    operator_id: by.operator?.id ?? null,
    approver_id: by.approver?.id ?? null,
    command: by.command,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

/** Prepared INSERTs on the raw connection: inside the Kysely transaction, since it is the same connection. */
export function rawBulkInsert(sqlite: BetterSqlite3.Database): BulkInsert {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return async (table, rows) => {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]!);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      statements.set(key, statement);
    }
    for (const row of rows) statement.run(row);
  };
}

/** The database's own rules are a second line of defence; say what they caught in Chinese. */
function sqliteConstraint(e: unknown): { kind: 'conflict' | 'validation'; message: string } | null {
  if (!e || typeof e !== 'object' || !('code' in e)) return null;
  const code = String((e as { code: unknown }).code);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { kind: 'conflict', message: '记录已存在，不能重复' };
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') {
    return { kind: 'validation', message: '数据不符合规则，未保存' };
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
    return { kind: 'conflict', message: String((e as { message?: unknown }).message ?? '') || '此记录不允许这样修改' };
  }
  return null;
}
