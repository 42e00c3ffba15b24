import { fail } from '../../shared/result';
import { maskIdNumber } from '../../shared/mask';
import type { Db, PrepareContext } from '../context';
import type { RateRule } from '../rate-limit';
import { mayRevealIds } from './people';
import { auditOnItsOwn } from '../audit/standalone';

/**
 * Saving a person with an ID number tells the clerk whether that number is already on file — a
 * question a role that sees numbers only masked could ask of every candidate (issue #10: about
 * 100 tries recovered a full number). For those roles every save carrying a number is a check,
 * and checks are few: 20 an hour, of which 3 may be answered "already registered". Past either,
 * every save with a number is refused alike, so the refusal tells nothing. Each clash is audited
 * for the supervisor, who may see full numbers and is told whose it is.
 */
export const ID_CHECKS: RateRule = { limit: 20, windowMs: 3_600_000 };
export const ID_CLASHES: RateRule = { limit: 3, windowMs: 3_600_000 };

const TOO_MANY_CHECKS = '证件号核对次数过多，请主管处理';
const CLASH_FOR_CLERKS = '该证件号已登记，请主管核对';

/** Who holds this document number, if anyone. */
export async function idHolder(db: Db, idType: string, idNumber: string) {
  return db.selectFrom('people').select(['id', 'name']).where('id_type', '=', idType).where('id_number', '=', idNumber).executeTakeFirst();
}

/**
 * Before saving person `personId` (null: a new one) with this number: refuse it if it belongs to
 * someone else or the operator has checked too many. Runs in the command's prepare step, so the
 * clash's audit row survives the refusal. (A clash arising between this check and the write is
 * caught by the unique index, whose answer names nobody either.)
 */
export async function checkIdNumber(pre: PrepareContext, personId: number | null, idType: string, idNumber: string | null | undefined): Promise<void> {
  if (!idNumber) return;
  const operator = pre.operator;
  if (!operator) return; // the dispatcher lets no one without a session this far
  const revealer = mayRevealIds(operator);
  const { limits } = pre.services;
  if (!revealer) {
    const clashesLeft = limits.count(`id-clash:${operator.id}`, pre.now, ID_CLASHES) < ID_CLASHES.limit;
    if (!clashesLeft || !limits.hit(`id-check:${operator.id}`, pre.now, ID_CHECKS).allowed) throw fail.rateLimited(TOO_MANY_CHECKS);
  }
  const holder = await idHolder(pre.db, idType, idNumber);
  if (!holder || holder.id === personId) return;
  await auditOnItsOwn(pre, { entity: 'person', entityId: holder.id, after: { event: 'id_clash', idNumber: maskIdNumber(idNumber), savingPersonId: personId } });
  if (!revealer) limits.hit(`id-clash:${operator.id}`, pre.now, ID_CLASHES);
  const message = revealer ? `该证件号已登记在住户${holder.name}名下` : CLASH_FOR_CLERKS;
  throw fail.conflict(message, { 'person.idNumber': message });
}
