import { sql } from 'kysely';
import { LINK_ROLE_LABELS, UNIT_STATE_LABELS, UNIT_TYPE_LABELS, type LinkRole, type UnitState, type UnitType } from '../../shared/estate';
import { maskIdNumber } from '../../shared/mask';
import type { Db } from '../context';
import type { SearchProvider } from '../desk-module';
import { phoneFor, seesMobiles } from './people';
import { prefixRange, type CounterQuery } from '../search/query';

/** What the counter search finds of the estate: units by room, people by name, phone or ID tail, vehicles by plate. */

const unitsProvider: SearchProvider = {
  kind: 'unit',
  label: '房屋',
  shows: 'estate.unitCard',
  async search(ctx, q, limit) {
    let query = ctx.db
      .selectFrom('units')
      .innerJoin('buildings', 'buildings.id', 'units.building_id')
      .select(['units.id', 'units.code', 'units.type', 'units.state', 'units.area_dm2'])
      .select(
        sql<string | null>`(SELECT group_concat(p.name, '、') FROM unit_people l JOIN people p ON p.id = l.person_id WHERE l.unit_id = units.id AND l.role = 'owner' AND l.end_date IS NULL)`.as(
          'owners',
        ),
      );
    if (q.unit) {
      query = query.where('buildings.code', '=', q.unit.building).where('units.room', '=', q.unit.room);
      if (q.unit.entrance !== null) query = query.where('units.entrance', '=', q.unit.entrance);
    } else if (q.digits && q.digits.length >= 3 && q.digits.length <= 5) {
      query = query.where('units.room', '=', q.digits);
    } else {
      return [];
    }
    const rows = await query.orderBy('units.code').limit(limit).execute();
    return rows.map((r) => ({
      kind: 'unit',
      id: r.id,
      title: r.code,
      subtitle: [r.owners ? `业主 ${r.owners}` : '', UNIT_TYPE_LABELS[r.type as UnitType], UNIT_STATE_LABELS[r.state as UnitState]]
        .filter(Boolean)
        .join(' · '),
      unitId: r.id,
    }));
  },
};

/**
 * Who a search may find by what. Only what the mask shows is searched for roles that see the
 * masked form — otherwise a search would tell them the hidden digits (issue #10: the cashier
 * walked the 10,000 middle digits of 150****0582 in 753 searches). ID numbers: only the last 4
 * characters, for everyone (5 or 6 would give away the birth day); mobiles in full only for roles
 * that see them in full, others by the last 4 digits (an 11-digit number is read as its tail).
 */
async function peopleIds(db: Db, q: CounterQuery, limit: number, fullMobiles: boolean): Promise<number[]> {
  const ids = new Set<number>();
  const take = async (build: () => Promise<{ id: number }[]>) => {
    if (ids.size >= limit) return;
    for (const r of await build()) if (ids.size < limit) ids.add(r.id);
  };
  const people = () => db.selectFrom('people').select('id');
  if (q.hanzi) {
    const [from, to] = prefixRange(q.text.replace(/\s/g, ''));
    await take(() => people().where('name', '>=', from).where('name', '<', to).orderBy('name').limit(limit).execute());
  }
  if (q.letters && q.letters.length >= 2) {
    const letters = q.letters;
    const [from, to] = prefixRange(letters);
    await take(() => people().where('name_initials', '=', letters).orderBy('name').limit(limit).execute());
    await take(() => people().where('name_pinyin', '>=', from).where('name_pinyin', '<', to).orderBy('name_pinyin').limit(limit).execute());
    await take(() => people().where('name_initials', '>', letters).where('name_initials', '<', to).orderBy('name_initials').limit(limit).execute());
  }
  if (q.digits) {
    const d = q.digits;
    if (d.length === 11 && fullMobiles) await take(() => people().where('mobile', '=', d).limit(limit).execute());
    const tail = d.length === 4 ? d : d.length === 11 && !fullMobiles ? d.slice(-4) : null;
    if (tail) await take(() => people().where(sql`substr(mobile, -4)`, '=', tail).limit(limit).execute());
  }
  // ID tails: the last 4 characters, the last one possibly X.
  if (/^\d{3}[\dX]$/.test(q.compact)) {
    await take(() => people().where(sql`substr(id_number, -4)`, '=', q.compact).limit(limit).execute());
  }
  return [...ids];
}

const peopleProvider: SearchProvider = {
  kind: 'person',
  label: '住户',
  shows: 'estate.unitCard',
  async search(ctx, q, limit) {
    const full = seesMobiles(ctx.operator);
    const ids = await peopleIds(ctx.db, q, limit, full);
    if (!ids.length) return [];
    const rows = await ctx.db
      .selectFrom('people')
      .select(['id', 'name', 'mobile', 'id_number'])
      .where('id', 'in', ids)
      .execute();
    const links = await ctx.db
      .selectFrom('unit_people')
      .innerJoin('units', 'units.id', 'unit_people.unit_id')
      .select(['unit_people.person_id', 'unit_people.role', 'units.id as unit_id', 'units.code'])
      .where('unit_people.person_id', 'in', ids)
      .where('unit_people.end_date', 'is', null)
      .orderBy('unit_people.id')
      .execute();
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((p) => {
        const mine = links.filter((l) => l.person_id === p.id);
        const where = mine.map((l) => `${l.code} ${LINK_ROLE_LABELS[l.role as LinkRole]}`).join('，');
        const phone = phoneFor(ctx.operator, p.mobile) ?? '';
        return {
          kind: 'person',
          id: p.id,
          title: p.name,
          subtitle: [where || '未登记房屋', phone, p.id_number ? maskIdNumber(p.id_number) : ''].filter(Boolean).join(' · '),
          unitId: mine[0]?.unit_id ?? null,
        };
      });
  },
};

const vehiclesProvider: SearchProvider = {
  kind: 'vehicle',
  label: '车辆',
  shows: 'estate.unitCard',
  async search(ctx, q, limit) {
    const c = q.compact;
    if (c.length < 4 || !/[A-Z0-9]/.test(c) || q.unit) return [];
    const isPlate = /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/.test(c);
    const isTail = /^[A-Z0-9]{4,5}$/.test(c) && /\d/.test(c);
    if (!isPlate && !isTail) return [];
    let query = ctx.db
      .selectFrom('vehicles')
      .leftJoin('units', 'units.id', 'vehicles.unit_id')
      .leftJoin('people', 'people.id', 'vehicles.person_id')
      .select(['vehicles.id', 'vehicles.plate', 'units.id as unit_id', 'units.code', 'people.name']);
    query = isPlate ? query.where('vehicles.plate', '=', c) : query.where(sql.raw(`substr(vehicles.plate, -${c.length})`), '=', c);
    const rows = await query.limit(limit).execute();
    return rows.map((v) => ({
      kind: 'vehicle',
      id: v.id,
      title: v.plate,
      subtitle: [v.code ?? '', v.name ?? ''].filter(Boolean).join(' · '),
      unitId: v.unit_id,
    }));
  },
};

export const ESTATE_SEARCH_PROVIDERS: readonly SearchProvider[] = [unitsProvider, peopleProvider, vehiclesProvider];
