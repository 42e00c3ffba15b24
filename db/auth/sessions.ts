import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../schema';
import type { Db, SignedInOperator } from '../context';
import { loadOperator } from '../operators/service';
import { cacheWhileUnchanged, type TableChanges } from '../table-changes';
import { hashToken, SESSION_MAX_HOURS } from './session-rules';

/** A live session, judged at the command's time. */
export interface SessionState {
  session: SessionRow;
  operator: SignedInOperator;
  locked: boolean;
}

export type ResolvedSession = SessionState | 'expired' | null;

const idleLockTime = (lastSeenAt: string, lockMinutes: number) => new Date(Date.parse(lastSeenAt) + lockMinutes * 60_000);

/**
 * Store the idle locks that have happened (at last seen + lock minutes) — for one session, or for
 * every open one. A lock is a fact once it happens: raising 锁屏时间 later must not unlock a screen
 * its operator walked away from, so it may not stay a sum recomputed from the current setting.
 */
export async function storeIdleLocks(db: Db, now: Date, lockMinutes: number, sessionId?: number): Promise<void> {
  let query = db.selectFrom('sessions').select(['id', 'last_seen_at']).where('ended_at', 'is', null).where('locked_at', 'is', null);
  if (sessionId !== undefined) query = query.where('id', '=', sessionId);
  for (const s of await query.execute()) {
    const lockedAt = idleLockTime(s.last_seen_at, lockMinutes);
    if (lockedAt.getTime() >= now.getTime()) continue;
    await db.updateTable('sessions').set({ locked_at: lockedAt.toISOString() }).where('id', '=', s.id).where('locked_at', 'is', null).execute();
  }
}

/** What is stored for a token: its open session and that session's enabled operator — before time is applied. */
interface StoredSession {
  session: SessionRow;
  operator: SignedInOperator;
}

async function loadSession(db: Db, token: string): Promise<StoredSession | null> {
  const session = await db.selectFrom('sessions').selectAll().where('token_hash', '=', hashToken(token)).where('ended_at', 'is', null).executeTakeFirst();
  if (!session) return null;
  const operator = await loadOperator(db, session.operator_id);
  if (!operator || operator.disabled) return null;
  // Frozen: one kept copy serves every command of this session until a write drops it.
  const roles = Object.freeze(operator.roles) as SignedInOperator['roles'];
  return Object.freeze({
    session: Object.freeze(session),
    operator: Object.freeze({ id: operator.id, login: operator.login, displayName: operator.displayName, roles }),
  });
}

/** The time rules: too old is expired; idle past the lock time (or locked by hand) is locked. */
function judge(stored: StoredSession, now: Date, lockMinutes: number): SessionState | 'expired' {
  const { session, operator } = stored;
  if (now.getTime() - Date.parse(session.created_at) > SESSION_MAX_HOURS * 3600_000) return 'expired';
  const idle = now.getTime() > idleLockTime(session.last_seen_at, lockMinutes).getTime();
  return { session, operator, locked: session.locked_at !== null || idle };
}

/** Finds the live session for a token without writing anything, from memory while nothing it rests on has changed. */
export interface SessionResolver {
  /** The session at `now`, and the version of the tables it was read at (for `changedSince`). */
  resolve(db: Kysely<Database> | Db, token: string | null, now: Date, lockMinutes: number): Promise<{ state: ResolvedSession; version: number }>;
  /** Sessions, operators or roles changed after `version`: a state resolved then must be resolved again. */
  changedSince(version: number): boolean;
}

/**
 * Every command needs its session and operator; reading them costs more than most counter reads.
 * They are kept in memory by token (the transport holds the token anyway; only open sessions of
 * enabled operators are kept) until any row of sessions, operators or operator_roles changes —
 * sign-in and sign-out, locks, touches, disabling, roles, passwords, whoever writes them
 * (db/table-changes.ts counts every write). Time (expiry, idle lock) is judged afresh each time.
 */
export function createSessionResolver(changes: TableChanges): SessionResolver {
  const stored = cacheWhileUnchanged<string, StoredSession>(changes, ['sessions', 'operators', 'operator_roles']);
  return {
    async resolve(db, token, now, lockMinutes) {
      if (!token || token.length > 200) return { state: null, version: -1 };
      const { value, version } = await stored.get(token, () => loadSession(db, token));
      return { state: value && judge(value, now, lockMinutes), version };
    },
    changedSince: (version) => version !== -1 && stored.changedSince(version),
  };
}
