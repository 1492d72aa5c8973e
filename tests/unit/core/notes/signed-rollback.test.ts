import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, TEST_PROFILE, value } from '../../../helpers/service';

/**
 * A signed note rolled back to its unsigned draft by someone with the vault file: its newest
 * (signed) revision rows deleted and its head moved back. Every remaining row still decrypts, so
 * only the sealed audit trail's `note.signed` entry can tell.
 */
let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

async function signedThenLocked(): Promise<{ dataDir: string; id: string; draftId: string }> {
  const made = await newService();
  value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await made.service.invoke('profile.update', TEST_PROFILE));
  const note = value(await made.service.invoke('notes.create', { title: 'Signed assessment', body: 'Denies SI. Plan agreed.' }));
  const signed = value(await made.service.invoke('notes.sign', { id: note.id, baseRev: note.rev }));
  value(await made.service.invoke('notes.addAddendum', { id: note.id, text: 'Called back next day.' }));
  expect(signed.rev).toBe(2);
  const draft = value(await made.service.invoke('notes.create', { title: 'A draft', body: 'still editing' }));
  value(await made.service.invoke('vault.lock', {}));
  made.service.close();
  return { dataDir: made.dataDir, id: note.id, draftId: draft.id };
}

function rollBack(dataDir: string, id: string, toRev: number): void {
  const db = new Database(path.join(dataDir, 'vault.db'));
  db.prepare('DELETE FROM records WHERE id = ? AND rev > ?').run(id, toRev);
  db.prepare('UPDATE heads SET rev = ? WHERE id = ?').run(toRev, id);
  db.close();
}

for (const cache of ['kept', 'deleted'] as const) {
  it(`a signed note rolled back to unsigned is shown as damaged, never as an editable draft (unlock cache ${cache})`, async () => {
    const { dataDir, id, draftId } = await signedThenLocked();
    rollBack(dataDir, id, 1);
    if (cache === 'deleted') fs.rmSync(path.join(dataDir, 'unlock-cache.svcache'));
    ({ service } = await newService({ dataDir }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));

    const list = value(await service.invoke('notes.list', {}));
    expect(list.find((n) => n.id === id)).toMatchObject({ title: 'Signed assessment', signed: false, damage: 'signed-version-missing' });
    expect(list.find((n) => n.id === draftId)?.damage).toBeUndefined();
    for (const attempt of [
      service.invoke('notes.get', { id }),
      service.invoke('notes.update', { id, baseRev: 1, body: 'rewritten after the fact' }),
      service.invoke('notes.sign', { id, baseRev: 1 }),
      service.invoke('notes.trash', { id }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
    }
    expect(value(await service.invoke('search.query', { text: 'Denies' }))).toEqual([]);
    // Nothing was written: the rolled-back row is still the only one.
    const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true });
    expect(db.prepare('SELECT rev FROM records WHERE id = ?').all(id)).toEqual([{ rev: 1 }]);
    db.close();
    // The draft next to it is untouched and still editable.
    expect(value(await service.invoke('notes.update', { id: draftId, baseRev: 1, body: 'edited' })).rev).toBe(2);
  });
}

describe('no false alarm', () => {
  it('a signed note that is still signed, and one rolled back only to an earlier signed revision, are not flagged', async () => {
    const { dataDir, id } = await signedThenLocked();
    // Revision 3 (the addendum) removed: revision 2 is still signed, so nothing reads as a draft.
    rollBack(dataDir, id, 2);
    ({ service } = await newService({ dataDir }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    const note = value(await service.invoke('notes.get', { id }));
    expect(note).toMatchObject({ signed: true, rev: 2 });
    expect(value(await service.invoke('notes.list', {})).every((n) => n.damage === undefined)).toBe(true);
  });
});

describe('a rename of the client', () => {
  it('does not bring a rolled-back note back into search, and a note that no longer opens does not stop the rename', async () => {
    const made = await newService();
    const call = async <T>(channel: string, input: unknown) => value((await made.service.invoke(channel, input)) as { ok: true; value: T });
    await call('vault.create', { password: STRONG_PASSWORD });
    await call('profile.update', TEST_PROFILE);
    const client = await call<{ id: string; rev: number }>('clients.create', { displayName: 'Ada Quill' });
    const note = await call<{ id: string; rev: number }>('notes.create', { title: 'Signed assessment', body: 'Denies SI. Plan agreed.', clientId: client.id });
    await call('notes.sign', { id: note.id, baseRev: note.rev });
    const other = await call<{ id: string; rev: number }>('notes.create', { title: 'Phone call', body: 'Rescheduled.', clientId: client.id });
    await call('vault.lock', {});
    made.service.close();
    rollBack(made.dataDir, note.id, 1);

    ({ service } = await newService({ dataDir: made.dataDir }));
    const again = async <T>(channel: string, input: unknown) => value((await service!.invoke(channel, input)) as { ok: true; value: T });
    await again('vault.unlock', { password: STRONG_PASSWORD });
    expect(await again('search.query', { text: 'Denies' })).toEqual([]);
    // The other note's record is damaged in place while the vault is open: it no longer opens.
    const db = new Database(path.join(made.dataDir, 'vault.db'));
    const row = db.prepare('SELECT ciphertext FROM records WHERE id = ? AND rev = 1').get(other.id) as { ciphertext: Buffer };
    row.ciphertext.writeUInt8(row.ciphertext.readUInt8(10) ^ 1, 10);
    db.prepare('UPDATE records SET ciphertext = ? WHERE id = ? AND rev = 1').run(row.ciphertext, other.id);
    db.close();

    await again('clients.update', { id: client.id, baseRev: client.rev, displayName: 'Ada Quill-Marsh' });
    expect(await again('search.query', { text: 'Denies' })).toEqual([]);
    expect(await again('search.query', { text: 'Marsh' })).toEqual([]);
    expect((await again<{ displayName: string }>('clients.get', { id: client.id })).displayName).toBe('Ada Quill-Marsh');
  });
});
