import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitCard } from '../../shared/contract/estate';
import type { SearchGroup } from '../../shared/contract/search';
import type { EntryDetail } from '../../shared/contract/reception';
import type { Role } from '../../shared/roles';
import { valueOf } from '../support/app';
import { ESTATE_READING_ROLES, office, type Office } from './support';

/**
 * Issue #11 §2 (defect): the counter search and the unit card are open to every role, but what
 * they show of another desk must be what that desk shows the role. A role that reception.get
 * refuses sees no entry number, contact or content through them. Written by hand per role.
 */
const READS_RECEPTION: Record<Role, boolean> = {
  receptionist: true,
  key_custodian: false,
  cashier: false,
  officer: true,
  supervisor: true,
  admin: true,
  gate_guard: false,
};

describe('cross-desk reads respect the desk’s roles', () => {
  let o: Office;
  let entry: EntryDetail;
  beforeAll(async () => {
    o = await office();
    entry = valueOf<EntryDetail>(
      await o.t.run(o.as.receptionist, 'reception.log', {
        channel: 'visit',
        repairScope: 'in_home',
        category: 'repair',
        unitId: o.unitId,
        contactName: '联系人甲',
        contactPhone: '13900001234',
        content: '厨房下水道堵塞（保密内容）',
      }),
    );
  });
  afterAll(() => o.t.close());

  // The gate guard reaches neither the counter search nor the unit card (tests/security/permissions.test.ts).
  for (const role of ESTATE_READING_ROLES) {
    it(`${role}: ${READS_RECEPTION[role] ? 'sees' : 'does not see'} reception entries in the counter search and on the unit card`, async () => {
      // The desk's own answer agrees with the table above.
      expect((await o.t.run(o.as[role], 'reception.get', { id: entry.id })).ok).toBe(READS_RECEPTION[role]);
      const search = valueOf<{ groups: SearchGroup[] }>(await o.t.run(o.as[role], 'search.counter', { q: entry.no }));
      const card = valueOf<UnitCard>(await o.t.run(o.as[role], 'estate.unitCard', { id: o.unitId }));
      const shown = JSON.stringify({ search, openItems: card.openItems });
      for (const secret of [entry.no, '联系人甲', '下水道']) expect(shown.includes(secret), `${role} sees ${secret}`).toBe(READS_RECEPTION[role]);
    });
  }
});
