import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonView, UnitCard } from '../../shared/contract/estate';
import type { SearchGroup } from '../../shared/contract/search';
import type { StaffView } from '../../shared/contract/staff';
import type { EntryDetail, VisitorView } from '../../shared/contract/reception';
import type { Role } from '../../shared/roles';
import { expectError, valueOf } from '../support/app';
import { ESTATE_READING_ROLES, office, TARGET, type Office } from './support';

/**
 * Issue #10 item 4: who sees full mobiles (residents' and staff's alike) and who may see full ID
 * numbers, per role, in every place the role can reach. Written out here by hand — not read from
 * shared/permissions.ts — so a change to that table has to be made twice, on purpose.
 */
const SEES_MOBILES: Record<Role, boolean> = {
  receptionist: true,
  // The key desk phones the owner to confirm a collection (domain §3).
  key_custodian: true,
  cashier: false,
  officer: true,
  supervisor: true,
  admin: true,
  // At the gate a guard records a driver's details on the pass, not residents' numbers.
  gate_guard: false,
};
const MAY_REVEAL_IDS: Record<Role, boolean> = {
  receptionist: false,
  key_custodian: false,
  cashier: false,
  officer: false,
  supervisor: true,
  admin: true,
  gate_guard: false,
};
const STAFF_MOBILE = '13600001111';
const CALLER = '13700002222';

describe('personal data by role', () => {
  let o: Office;
  let as: (role: Role) => string;
  beforeAll(async () => {
    o = await office();
    as = (role) => o.as[role];
    const departments = valueOf<{ id: number; name: string }[]>(await o.t.run(o.admin, 'staff.departments'));
    valueOf(await o.t.run(o.admin, 'staff.save', { name: '刘师傅', departmentId: departments[1]!.id, position: '水电维修', mobile: STAFF_MOBILE }));
    valueOf(await o.t.run(o.admin, 'reception.log', { channel: 'call', category: 'enquiry', contactName: '来电人', contactPhone: CALLER, content: '咨询停车' }));
    valueOf(await o.t.run(o.admin, 'reception.visitorIn', { name: '访客', phone: CALLER, reason: '探访亲友', unitId: o.unitId }));
  });
  afterAll(() => o.t.close());

  it.each(ESTATE_READING_ROLES)('%s', async (role) => {
    const full = SEES_MOBILES[role];
    const resident = full ? TARGET.mobile : TARGET.mobileMasked;
    const phone = (p: string) => (full ? p : `${p.slice(0, 3)}****${p.slice(-4)}`);
    const token = as(role);

    // The unit card and the person on it.
    const card = valueOf<UnitCard>(await o.t.run(token, 'estate.unitCard', { id: o.unitId }));
    expect(card.people[0]!.person.mobile).toBe(resident);
    expect(card.people[0]!.person.idNumberMasked).toBe(TARGET.idMasked);

    // The person as saved (roles that register residents).
    const saved = await o.t.run(token, 'estate.savePerson', { id: o.targetId, person: { name: TARGET.name, mobile: TARGET.mobile } });
    if (saved.ok) expect((saved.value as PersonView).mobile).toBe(resident);
    else expect(saved.error.kind).toBe('forbidden');

    // Counter search hits.
    const search = valueOf<{ groups: SearchGroup[] }>(await o.t.run(token, 'search.counter', { q: TARGET.name }));
    const hit = search.groups.find((g) => g.kind === 'person')!.hits[0]!;
    expect(hit.subtitle).toContain(resident);
    expect(hit.subtitle).toContain(TARGET.idMasked);
    if (!full) expect(JSON.stringify(search)).not.toContain(TARGET.mobile);

    // The roster export (estate editors).
    const exported = await o.t.run(token, 'estate.exportRoster', {});
    if (exported.ok) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((exported.value as { contentBase64: string }).contentBase64, 'base64') as never);
      const row = wb.worksheets[0]!.getRow(2);
      expect(String(row.getCell(10).value)).toBe(resident);
      expect(String(row.getCell(11).value)).toBe(TARGET.idMasked);
    } else expect(exported.error.kind).toBe('forbidden');

    // Reception: the caller's number on the entry and the visitor's phone (reception roles).
    const entries = await o.t.run(token, 'reception.list', { filters: {} });
    if (entries.ok) {
      const id = (entries.value as { rows: { id: number }[] }).rows[0]!.id;
      expect(valueOf<EntryDetail>(await o.t.run(token, 'reception.get', { id })).contactPhone).toBe(phone(CALLER));
      const visitors = valueOf<{ rows: VisitorView[] }>(await o.t.run(token, 'reception.visitors', { filters: {} }));
      expect(visitors.rows[0]!.phone).toBe(phone(CALLER));
    } else expect(entries.error.kind).toBe('forbidden');

    // The staff directory: staff mobiles follow the same rule as residents'.
    const staff = valueOf<StaffView[]>(await o.t.run(token, 'staff.list', {}));
    expect(staff.find((s) => s.name === '刘师傅')!.mobile).toBe(phone(STAFF_MOBILE));

    // Full ID numbers only through estate.revealId, only for the roles that may.
    const reveal = await o.t.run(token, 'estate.revealId', { personId: o.targetId, reason: '核对产权' });
    if (MAY_REVEAL_IDS[role]) expect(valueOf<{ idNumber: string }>(reveal).idNumber).toBe(TARGET.idNumber);
    else expect(expectError(reveal).kind).toBe('forbidden');
  });

  // 门岗 works the gate screen alone (issue #15): no units, people, counter search or staff phones.
  it('gate_guard reaches no unit, person or search, and sees staff mobiles masked', async () => {
    const token = as('gate_guard');
    expect(SEES_MOBILES.gate_guard || MAY_REVEAL_IDS.gate_guard).toBe(false);
    for (const [command, input] of [
      ['search.counter', { q: TARGET.name }],
      ['estate.unitCard', { id: o.unitId }],
      ['estate.units', {}],
      ['estate.overview', {}],
      ['estate.savePerson', { id: o.targetId, person: { name: TARGET.name, mobile: TARGET.mobile } }],
      ['estate.exportRoster', {}],
      ['estate.revealId', { personId: o.targetId, reason: '核对产权' }],
      ['reception.list', { filters: {} }],
    ] as const) expect(expectError(await o.t.run(token, command, input)).kind, command).toBe('forbidden');
    const staff = valueOf<StaffView[]>(await o.t.run(token, 'staff.list', {}));
    expect(staff.find((s) => s.name === '刘师傅')!.mobile).toBe('136****1111');
  });
});
