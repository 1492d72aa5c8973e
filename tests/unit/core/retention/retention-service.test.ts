import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../../helpers/disk';
import { codeOf, unlockedVault } from '../../../helpers/service';

const day = (serviceDate: string) => ({ serviceDate, riskFlags: [] as string[] });

/** Fixture clock: 2025-03-14. */
async function practice() {
  const v = await unlockedVault();
  const { call } = v;
  const adult = await call('clients.create', { displayName: 'Adult Ashworth', dateOfBirth: '1970-04-04' });
  await call('notes.create', { title: 'a1', clientId: adult.id, kind: 'progress', body: 'ADULT-CANARY-ONE', session: day('2016-05-10') });
  const signed = await call('notes.create', { title: 'a2', clientId: adult.id, kind: 'progress', body: 'ADULT-CANARY-SIGNED', session: day('2018-01-20') });
  await call('notes.sign', { id: signed.id, baseRev: signed.rev });
  const psy = await call('notes.create', { title: 'a3', clientId: adult.id, kind: 'psychotherapy', body: 'ADULT-CANARY-PSY', session: day('2017-01-01') });
  const minor = await call('clients.create', { displayName: 'Minor Mills', dateOfBirth: '2005-09-30' });
  await call('notes.create', { title: 'm1', clientId: minor.id, kind: 'progress', body: 'MINOR-CANARY', session: day('2012-02-01') });
  const fresh = await call('clients.create', { displayName: 'Fresh Fox', intakeDate: '2025-01-06' });
  await call('notes.create', { title: 'f1', clientId: fresh.id, kind: 'progress', body: 'FRESH-CANARY', session: day('2025-02-01') });
  const empty = await call('clients.create', { displayName: 'No Notes' });
  return { ...v, adult, signed, psy, minor, fresh, empty };
}

describe('retention.list', () => {
  it('gives each client retain-until from last contact (trash included) and flags those due for review', async () => {
    const { call, adult, minor, fresh, empty, signed } = await practice();
    // The newest note in the trash still dates the record.
    await call('notes.trash', { id: signed.id });
    const list = await call('retention.list', {});
    expect(list.retentionYears).toBe(7);
    expect(list.today).toBe('2025-03-14');
    const by = new Map(list.clients.map((c) => [c.clientId, c]));
    expect(by.get(adult.id)).toMatchObject({ lastContactDate: '2018-01-20', retainUntil: '2025-01-20', basis: 'last-contact', due: true, notes: 3 });
    // Seen at 6: kept until the 18th birthday (2023-09-30) + 7 years.
    expect(by.get(minor.id)).toMatchObject({ lastContactDate: '2012-02-01', retainUntil: '2030-09-30', basis: 'minor', due: false });
    expect(by.get(fresh.id)).toMatchObject({ lastContactDate: '2025-02-01', retainUntil: '2032-02-01', due: false });
    // No notes, no intake date: the day the client was added.
    expect(by.get(empty.id)).toMatchObject({ lastContactDate: '2025-03-14', retainUntil: '2032-03-14', due: false, notes: 0 });
    expect(list.clients.map((c) => c.retainUntil)).toEqual([...list.clients.map((c) => c.retainUntil)].sort());
  });

  it('follows the retentionYears setting', async () => {
    const { call, adult, service } = await practice();
    await call('settings.update', { retentionYears: 10 });
    const c = (await call('retention.list', {})).clients.find((x) => x.clientId === adult.id)!;
    expect(c).toMatchObject({ retainUntil: '2028-01-20', due: false });
    expect(await codeOf(service, 'settings.update', { retentionYears: 0 })).toBe('INVALID_INPUT');
  });
});

describe('retention.purge', () => {
  it('is refused before retain-until: signed notes and all stay', async () => {
    const { service: svc, call, minor, signed, clock } = await practice();
    const res = await svc.invoke('retention.purge', { clientId: minor.id, confirm: true, confirmPhrase: 'Minor Mills' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).toContain('2030-09-30');
    // The adult's last signed note dates the record: on the very last day it is still kept.
    clock.setTime(Date.UTC(2025, 0, 20, 12));
    const adult = (await call('retention.list', {})).clients.find((c) => c.displayName === 'Adult Ashworth')!;
    expect(adult.due).toBe(false);
    expect(await codeOf(svc, 'retention.purge', { clientId: adult.clientId, confirm: true, confirmPhrase: 'DELETE' })).toBe('INVALID_INPUT');
    expect((await call('notes.get', { id: signed.id })).signed).toBe(true);
    expect(await call('audit.list', { type: 'client.purged' })).toEqual([]);
  });

  it('asks twice: confirm must be true and the phrase must be the name or DELETE', async () => {
    const { service: svc, adult } = await practice();
    expect(await codeOf(svc, 'retention.purge', { clientId: adult.id, confirmPhrase: 'DELETE' })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'retention.purge', { clientId: adult.id, confirm: false, confirmPhrase: 'DELETE' })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'retention.purge', { clientId: adult.id, confirm: true, confirmPhrase: 'Adult' })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'retention.purge', { clientId: adult.id, confirm: true, confirmPhrase: 'delete' })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'retention.purge', { clientId: 'ffffffffffffffffffffffffffffffff', confirm: true, confirmPhrase: 'DELETE' })).toBe('NOT_FOUND');
  });

  it('past retain-until, deletes the client, every revision of every note (psychotherapy included) and consents; logs it; leaves others', async () => {
    const { service: svc, call, adult, signed, psy, fresh, dataDir } = await practice();
    expect((await call('search.query', { text: 'ADULT' })).length).toBeGreaterThan(0);
    const consent = await call('consent.add', { clientId: adult.id, type: 'treatment', givenOn: '2016-05-10', form: 'Form v2' });
    const out = await call('retention.purge', { clientId: adult.id, confirm: true, confirmPhrase: 'Adult Ashworth' });
    expect(out).toEqual({ clientId: adult.id, deletedNotes: 3, retainUntil: '2025-01-20' });

    expect(await codeOf(svc, 'clients.get', { id: adult.id })).toBe('NOT_FOUND');
    expect(await codeOf(svc, 'notes.get', { id: signed.id })).toBe('NOT_FOUND');
    expect(await codeOf(svc, 'notes.get', { id: psy.id })).toBe('NOT_FOUND');
    expect((await call('notes.list', { includeTrashed: true })).map((n) => n.clientId)).not.toContain(adult.id);
    expect(await call('search.query', { text: 'ADULT' })).toEqual([]);
    expect((await call('clients.list', { includeArchived: true })).map((c) => c.id)).toContain(fresh.id);
    expect((await call('notes.list', { clientId: fresh.id })).length).toBe(1);

    const [event] = await call('audit.list', { type: 'client.purged' });
    expect(event).toMatchObject({ recordId: adult.id, detail: 'notes=3' });
    expect(await call('audit.verify', {})).toMatchObject({ ok: true });

    svc.close();
    const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true });
    const ids = [adult.id, signed.id, psy.id, consent.id];
    const left = db.prepare(`SELECT COUNT(*) AS n FROM records WHERE id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
    const heads = db.prepare(`SELECT COUNT(*) AS n FROM heads WHERE id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
    db.close();
    expect(left.n).toBe(0);
    expect(heads.n).toBe(0);
    expect(filesContaining(dataDir, 'Adult Ashworth')).toEqual([]);
  });
});
