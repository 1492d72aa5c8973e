import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../../helpers/disk';
import { codeOf, relock, unlockedVault } from '../../../helpers/service';


async function setup() {
  const v = await unlockedVault();
  return v;
}

describe('clients', () => {
  it('creates, reads back after relock, and lists by name', async () => {
    const { call, service: s } = await setup();
    const z = await call('clients.create', { displayName: 'Zoe Q.', dateOfBirth: '1990-04-02', intakeDate: '2025-01-10', notes: 'Prefers mornings.' });
    await call('clients.create', { displayName: 'adam R.' });
    await call('clients.create', { displayName: 'C-12', status: 'discharged' });
    await relock(s);
    expect(await call('clients.get', { id: z.id })).toMatchObject({
      displayName: 'Zoe Q.',
      dateOfBirth: '1990-04-02',
      intakeDate: '2025-01-10',
      status: 'active',
      notes: 'Prefers mornings.',
      rev: 1,
    });
    expect((await call('clients.list', {})).map((c) => c.displayName)).toEqual(['adam R.', 'C-12', 'Zoe Q.']);
    expect((await call('clients.list', { status: 'discharged' })).map((c) => c.displayName)).toEqual(['C-12']);
  });

  it('updates as a patch with baseRev, CONFLICT when stale, null clears a date', async () => {
    const { call, service: s } = await setup();
    const { id } = await call('clients.create', { displayName: 'J. Doe', dateOfBirth: '1980-01-01' });
    expect((await call('clients.update', { id, baseRev: 1, status: 'discharged', dateOfBirth: null })).rev).toBe(2);
    expect(await codeOf(s, 'clients.update', { id, baseRev: 1, displayName: 'stale' })).toBe('CONFLICT');
    const c = await call('clients.get', { id });
    expect(c).toMatchObject({ displayName: 'J. Doe', status: 'discharged', rev: 2 });
    expect(c.dateOfBirth).toBeUndefined();
  });

  it('archive hides a client from the default list without deleting anything; unarchive shows it again', async () => {
    const { call } = await setup();
    const { id } = await call('clients.create', { displayName: 'Archived One' });
    const note = await call('notes.create', { title: 'n', clientId: id });
    const a = await call('clients.archive', { id });
    expect(await call('clients.archive', { id })).toEqual(a);
    expect(await call('clients.list', {})).toEqual([]);
    expect((await call('clients.list', { includeArchived: true }))[0]).toMatchObject({ id, archivedAt: a.archivedAt });
    expect((await call('notes.get', { id: note.id })).clientName).toBe('Archived One');
    await call('clients.unarchive', { id });
    expect((await call('clients.list', {})).map((c) => c.id)).toEqual([id]);
  });

  it('derives last contact from the latest date of service of notes not in the trash', async () => {
    const { call } = await setup();
    const { id } = await call('clients.create', { displayName: 'K' });
    expect((await call('clients.get', { id })).lastContactDate).toBeUndefined();
    await call('notes.create', { title: 'a', clientId: id, session: { serviceDate: '2025-02-01', riskFlags: [] } });
    const late = await call('notes.create', { title: 'b', clientId: id, session: { serviceDate: '2025-03-09', riskFlags: [] } });
    expect((await call('clients.get', { id })).lastContactDate).toBe('2025-03-09');
    await call('notes.trash', { id: late.id });
    expect((await call('clients.list', {}))[0]?.lastContactDate).toBe('2025-02-01');
  });

  it('refuses notes for a client that does not exist, and unknown client ids', async () => {
    const { service: s } = await setup();
    const ghost = '0123456789abcdef0123456789abcdef';
    expect(await codeOf(s, 'notes.create', { title: 'x', clientId: ghost })).toBe('NOT_FOUND');
    expect(await codeOf(s, 'clients.get', { id: ghost })).toBe('NOT_FOUND');
    expect(await codeOf(s, 'clients.update', { id: ghost, baseRev: 1, status: 'active' })).toBe('NOT_FOUND');
    expect(await codeOf(s, 'clients.archive', { id: ghost })).toBe('NOT_FOUND');
  });

  it('never writes a client name or client notes to disk in plaintext', async () => {
    const v = await setup();
    const canary = 'CANARY-Bartholomew-Quince-5521';
    const { id } = await v.call('clients.create', { displayName: canary, notes: `notes ${canary}` });
    await v.call('clients.update', { id, baseRev: 1, displayName: `${canary} Jr` });
    await v.call('notes.create', { title: 'x', clientId: id });
    expect(filesContaining(v.dataDir, canary)).toEqual([]);
  });
});
