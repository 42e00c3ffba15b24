import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitCard } from '../../shared/contract/estate';
import type { SearchGroup } from '../../shared/contract/search';
import type { OrderDetail } from '../../shared/contract/repairs';
import type { Role } from '../../shared/roles';
import { valueOf } from '../support/app';
import { ESTATE_READING_ROLES, office, TARGET, type Office } from '../security/support';

/**
 * The counter search (an order number typed or scanned from the slip's QR) and the unit card show
 * a role what repairs.get shows it, and nothing to a role it refuses (tests/security/cross-desk.test.ts
 * pattern). Written out by hand per role.
 */
const READS_REPAIRS: Record<Role, boolean> = {
  receptionist: true,
  key_custodian: false,
  cashier: false,
  officer: true,
  supervisor: true,
  admin: true,
  gate_guard: false,
};

describe('repair orders in the counter search and on the unit card, per role', () => {
  let o: Office;
  let order: OrderDetail;
  beforeAll(async () => {
    o = await office();
    order = valueOf<OrderDetail>(
      await o.t.run(o.as.receptionist, 'repairs.open', {
        scope: 'in_home',
        unitId: o.unitId,
        personId: o.targetId,
        category: 'waterproofing',
        description: '卫生间向楼下渗水（保密内容）',
      }),
    );
  });
  afterAll(() => o.t.close());

  // The gate guard reaches neither the counter search nor the unit card (tests/security/permissions.test.ts).
  for (const role of ESTATE_READING_ROLES) {
    it(`${role}: ${READS_REPAIRS[role] ? 'finds' : 'does not find'} the order by its number and on the unit card`, async () => {
      expect((await o.t.run(o.as[role], 'repairs.get', { id: order.id })).ok).toBe(READS_REPAIRS[role]);
      for (const q of [order.no, order.no.toLowerCase(), `${order.no.slice(0, 8)} ${order.no.slice(8)}`]) {
        const search = valueOf<{ groups: SearchGroup[] }>(await o.t.run(o.as[role], 'search.counter', { q }));
        const hits = search.groups.find((g) => g.kind === 'repairs')?.hits ?? [];
        expect(hits.map((h) => h.id), q).toEqual(READS_REPAIRS[role] ? [order.id] : []);
        if (READS_REPAIRS[role]) expect(hits[0]).toMatchObject({ title: order.no, subtitle: '防水 · 3-2-1101 · 待派单', unitId: o.unitId });
      }
      const card = valueOf<UnitCard>(await o.t.run(o.as[role], 'estate.unitCard', { id: o.unitId }));
      const shown = JSON.stringify(card.openItems);
      for (const secret of [order.no, '渗水', TARGET.mobile]) expect(shown.includes(secret), `${role} sees ${secret}`).toBe(READS_REPAIRS[role] && secret !== TARGET.mobile);
    });
  }
});
