import { createHash } from 'node:crypto';
import type { Db } from '../context';

/**
 * Clients an operator has signed in from (db/auth/throttle.ts: they are never slowed by wrong
 * passwords typed elsewhere). Only a hash of the client's name is kept — in browser mode it is
 * the long-lived cookie.
 */
const hashClient = (clientId: string) => createHash('sha256').update(clientId).digest('hex');

/** A caller without a client cookie could be anyone: it is never trusted. */
const anonymous = (clientId: string) => clientId.endsWith(':anonymous');

export async function isTrustedClient(db: Db, operatorId: number, clientId: string): Promise<boolean> {
  if (anonymous(clientId)) return false;
  const row = await db
    .selectFrom('trusted_clients')
    .select('operator_id')
    .where('operator_id', '=', operatorId)
    .where('client_hash', '=', hashClient(clientId))
    .executeTakeFirst();
  return !!row;
}

export async function trustClient(db: Db, operatorId: number, clientId: string, nowIso: string): Promise<void> {
  if (anonymous(clientId)) return;
  await db
    .insertInto('trusted_clients')
    .values({ operator_id: operatorId, client_hash: hashClient(clientId), first_at: nowIso, last_at: nowIso })
    .onConflict((oc) => oc.columns(['operator_id', 'client_hash']).doUpdateSet({ last_at: nowIso }))
    .execute();
}
