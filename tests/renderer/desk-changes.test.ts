// The client reads window.qiantai, declared for the renderer's program only; this test compiles the client in the node one.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../renderer/api/electron.d.ts" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_CONTRACTS } from '../../shared/contract/desks';
import { COMMAND_NAMES, commands, type CommandName } from '../../shared/contract';
import { deskOf } from '../../shared/contract/define';
import { changedDesks } from '../../shared/contract/changes';
import type { QiantaiBridge } from '../../shared/bridge';
import { call } from '../../renderer/api/client';
import { announceSuccess, onDeskChange, type DeskChange } from '../../renderer/api/desk-changes';
import { createEstateApp, valueOf, type TestApp } from '../support/app';

/**
 * Writes announce what changed (#11 §1): a command's desk is its name's prefix, a write may name
 * other desks it `affects`, and the renderer's client announces them after a successful write —
 * here the real client over a bridge to the real dispatcher on a real SQLite file.
 */

const desksInUse = new Set(COMMAND_NAMES.map((n) => deskOf(n)));

describe('desks of the contract', () => {
  it('a command belongs to the desk before the dot in its name', () => {
    expect(deskOf('reception.log')).toBe('reception');
    expect(deskOf('estate.unitCard')).toBe('estate');
    // The core's areas, and every listed desk.
    expect([...desksInUse].sort()).toEqual(['audit', 'auth', 'operators', 'search', 'settings', 'shell', 'staff', ...DESK_CONTRACTS.map((c) => c.desk)].sort());
  });

  it('only writes declare affects, each a desk in use other than their own, none twice', () => {
    for (const name of COMMAND_NAMES) {
      const affects: readonly string[] = commands[name].affects ?? [];
      if (!commands[name].writes) expect(affects, name).toEqual([]);
      expect(new Set(affects).size, name).toBe(affects.length);
      for (const desk of affects) {
        expect(desksInUse, `${name} affects ${desk}`).toContain(desk);
        expect(desk, name).not.toBe(deskOf(name));
      }
    }
  });

  it('a write changes its own desk and those it affects; a read changes none', () => {
    expect(changedDesks('reception.log')).toEqual(['reception', 'estate']);
    expect(changedDesks('reception.void')).toEqual(['reception', 'estate']);
    expect(changedDesks('estate.generateDemo')).toEqual(['estate', 'reception', 'staff']);
    expect(changedDesks('operators.clearLockout')).toEqual(['operators']);
    expect(changedDesks('reception.list')).toEqual([]);
    expect(changedDesks('estate.unitCard')).toEqual([]);
  });
});

describe('the client announces successful writes', () => {
  let t: TestApp;
  let token: string;
  let unitId: number;
  const changes: DeskChange[] = [];
  let stop: () => void;

  /** The next delivery the listener receives (deliveries come in order, so an earlier stray one would be it). */
  const nextChange = () =>
    new Promise<DeskChange>((resolve) => {
      const off = onDeskChange((change) => {
        off();
        resolve(change);
      });
    });

  beforeAll(async () => {
    const office = await createEstateApp({ qiantai: ['receptionist'] });
    t = office.t;
    token = office.tokens.qiantai;
    const building = valueOf<{ id: number }>(await t.run(office.admin, 'estate.saveBuilding', { estateId: office.estateId, code: '3' }));
    unitId = valueOf<{ id: number }>(await t.run(office.admin, 'estate.createUnit', { buildingId: building.id, entrance: '2', room: '1101' })).id;
    // The Electron transport: what the preload's invoke does, straight into this app's dispatcher.
    const bridge: Pick<QiantaiBridge, 'invoke'> = {
      invoke: async (name, input) => (await t.app.dispatcher.run(name, input, { sessionToken: token })).response,
    };
    (globalThis as { window?: unknown }).window = { qiantai: bridge };
    stop = onDeskChange((change) => changes.push(change));
  });
  afterAll(async () => {
    stop();
    delete (globalThis as { window?: unknown }).window;
    await t.close();
  });

  it('a write announces its desk and the desks it affects, once; reads and failures announce nothing', async () => {
    const delivered = nextChange();
    // A read, a write refused by validation, a write refused for the role: nothing to announce.
    expect((await call('reception.list', {})).ok).toBe(true);
    expect((await call('reception.log', { channel: 'visit', category: 'repair', content: '' } as never)).ok).toBe(false);
    expect((await call('estate.saveEstate', { name: '另一个小区' })).ok).toBe(false);
    // Then a write that succeeds.
    const logged = await call('reception.log', { channel: 'visit', category: 'repair', unitId, contactName: '张三', content: '厨房水管漏水' });
    expect(logged.ok).toBe(true);
    const change = await delivered;
    expect(change.commands).toEqual(['reception.log']);
    expect([...change.desks]).toEqual(['reception', 'estate']);
    // The entry really is there, and the unit card (estate) shows it among its open items.
    const card = valueOf<{ openItems: { desk: string; items: { title: string }[] }[] }>(await t.run(token, 'estate.unitCard', { id: unitId }));
    expect(card.openItems.find((g) => g.desk === 'reception')?.items).toHaveLength(1);
  });

  it('changes announced together are delivered once, with every desk; an unsubscribed listener gets nothing', async () => {
    const before = changes.length;
    const gone: DeskChange[] = [];
    const off = onDeskChange((change) => gone.push(change));
    const delivered = nextChange();
    announceSuccess('operators.clearLockout' as CommandName);
    announceSuccess('settings.update');
    announceSuccess('reception.list');
    off();
    const change = await delivered;
    expect(change.commands).toEqual(['operators.clearLockout', 'settings.update']);
    expect([...change.desks].sort()).toEqual(['estate', 'operators', 'reception', 'settings']);
    expect(changes.length).toBe(before + 1);
    expect(gone).toEqual([]);
  });
});
