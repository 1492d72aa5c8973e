import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordStore } from '../../../../src-main/core/records/record-store';
import { DAY_SLOTS } from '../../../../src-main/core/search/search-index';
import { STOP_WORDS } from '../../../../src-main/core/search/stop-words';
import { UNLOCK_CACHE_FILE, UNLOCK_CACHE_VERSION } from '../../../../src-main/core/vault/unlock-cache';
import type { VaultService } from '../../../../src-main/service';
import type { Channel, Input, Output } from '../../../../src-shared/ipc';
import { filesContaining, tamper, tempDir } from '../../../helpers/disk';
import { createdVault, STRONG_PASSWORD, TEST_PROFILE, value, vaultService } from '../../../helpers/service';

let services: VaultService[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
  vi.restoreAllMocks();
});

async function practice() {
  const v = await createdVault();
  services.push(v.service);
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => value(await v.service.invoke(channel, input));
  await call('profile.update', TEST_PROFILE);
  // Names and titles outside ASCII: the cache writes them escaped and must read back the same.
  const client = await call('clients.create', { displayName: 'Wilhelmina Quade-Żółć' });
  const soap = await call('notes.create', {
    title: 'Session 3 — Zoë, 東京 😀',
    clientId: client.id,
    kind: 'progress',
    fields: { subjective: 'Reports nightmares about the Marrowfield flood.', plan: 'Imagery rehearsal.' },
  });
  const free = await call('notes.create', { title: 'Phone call', body: 'Discussed the Brackenthorpe referral.' });
  await call('notes.sign', { id: free.id, baseRev: 1 });
  await call('notes.addAddendum', { id: free.id, text: 'Referral letter sent to Ostrava clinic.' });
  const cacheFile = path.join(v.dataDir, UNLOCK_CACHE_FILE);
  return { ...v, call, client, soap, free, cacheFile };
}

/** What a clinician sees: the list and a few searches. */
async function view(call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>) {
  const search = async (text: string) => (await call('search.query', { text })).map((h) => [h.noteId, h.title, h.clientName ?? null, h.snippet]);
  return {
    list: await call('notes.list', { includeTrashed: true }),
    searches: [await search('marrowfield'), await search('ostrava'), await search('quade'), await search('nightmare')],
  };
}

async function reopen(dataDir: string) {
  const { service } = await vaultService({ dataDir });
  services.push(service);
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => value(await service.invoke(channel, input));
  return { service, call };
}

describe('unlock cache (the sealed list and index of the last session)', () => {
  it('is written at lock, holds no readable word, and the next unlock shows the same list and search without decrypting every note', async () => {
    const p = await practice();
    const before = await view(p.call);
    expect(before.searches.every((s) => s.length === 1)).toBe(true);
    await p.call('vault.lock', {});
    expect(fs.existsSync(p.cacheFile)).toBe(true);
    for (const word of ['Marrowfield', 'marrowfield', 'Brackenthorpe', 'Ostrava', 'Quade', 'Wilhelmina', 'Session 3']) {
      expect(filesContaining(p.dataDir, word), word).toEqual([]);
    }
    const readEvery = vi.spyOn(RecordStore.prototype, 'forEach');
    const noteByNote = vi.spyOn(RecordStore.prototype, 'fingerprints');
    await p.call('vault.unlock', { password: STRONG_PASSWORD });
    expect(readEvery.mock.calls.filter(([type]) => type.kind === 'note')).toEqual([]);
    // Nothing changed while locked: all notes were matched in one comparison, none row by row.
    expect(noteByNote).not.toHaveBeenCalled();
    expect(await view(p.call)).toEqual(before);
  });

  it('an out-of-date cache (a crash after changes) is corrected from the records: nothing old is shown', async () => {
    const p = await practice();
    await p.call('vault.lock', {});
    const stale = fs.readFileSync(p.cacheFile);
    await p.call('vault.unlock', { password: STRONG_PASSWORD });
    await p.call('notes.update', { id: p.soap.id, baseRev: 1, title: 'Session 3 (edited)', fields: { subjective: 'Nightmares eased after the Kestrelmoor trip.' } });
    await p.call('notes.trash', { id: p.free.id });
    const added = await p.call('notes.create', { title: 'New intake', body: 'Zanzibarine allergy noted.' });
    await p.call('clients.update', { id: p.client.id, baseRev: 1, displayName: 'Wilhelmina Thorne' });
    const expected = await view(p.call);
    p.service.close();
    fs.writeFileSync(p.cacheFile, stale); // As if the app had died before writing the new cache.

    const again = await reopen(p.dataDir);
    expect(await view(again.call)).toEqual(expected);
    const titles = (await again.call('notes.list', { includeTrashed: true })).map((n) => [n.title, n.trashedAt !== undefined]);
    expect(titles).toEqual(expect.arrayContaining([['Session 3 (edited)', false], ['Phone call', true], ['New intake', false]]));
    expect(await again.call('search.query', { text: 'marrowfield' })).toEqual([]);
    expect(await again.call('search.query', { text: 'ostrava' })).toEqual([]);
    expect(await again.call('search.query', { text: 'quade' })).toEqual([]);
    expect((await again.call('search.query', { text: 'kestrelmoor' })).map((h) => h.noteId)).toEqual([p.soap.id]);
    expect((await again.call('search.query', { text: 'zanzibarine' })).map((h) => h.noteId)).toEqual([added.id]);
    expect((await again.call('search.query', { text: 'thorne' })).map((h) => h.clientName)).toEqual(['Wilhelmina Thorne']);
  });

  it('a cache that matched only note by note is sealed again at lock, even with nothing to re-index', async () => {
    const p = await practice();
    await p.call('vault.lock', {});
    const sealed = fs.readFileSync(p.cacheFile);
    // As if the vault listed its notes in another order than the cache: the one-comparison check fails.
    vi.spyOn(RecordStore.prototype, 'fingerprintList').mockReturnValueOnce('another order');
    const noteByNote = vi.spyOn(RecordStore.prototype, 'fingerprints');
    await p.call('vault.unlock', { password: STRONG_PASSWORD });
    expect(noteByNote).toHaveBeenCalled();
    await p.call('vault.lock', {});
    expect(fs.readFileSync(p.cacheFile).equals(sealed)).toBe(false);
  });

  it.each([
    ['a flipped byte', (b: Buffer) => (b.writeUInt8(b.readUInt8(b.length - 40) ^ 1, b.length - 40), b)],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 100)],
    ['an empty file', () => Buffer.alloc(0)],
    ['a newer cache format', (b: Buffer) => (b[8] = 99, b)],
    ['a flipped byte in the list (the first chunk)', (b: Buffer) => (b.writeUInt8(b.readUInt8(40) ^ 1, 40), b)],
  ])('%s is ignored: list and search are rebuilt from the records and show the same, and the next lock seals a good cache', async (_name, damage) => {
    const p = await practice();
    const before = await view(p.call);
    p.service.close();
    fs.writeFileSync(p.cacheFile, damage(fs.readFileSync(p.cacheFile)));
    // Rebuilt: listed from the summaries (a damaged list), or every note read again (a damaged index).
    const readEvery = vi.spyOn(RecordStore.prototype, 'forEach');
    const listEvery = vi.spyOn(RecordStore.prototype, 'summaries');
    const notesLoaded = () => [...readEvery.mock.calls, ...listEvery.mock.calls].filter(([type]) => type.kind === 'note').length;
    const again = await reopen(p.dataDir);
    // A damaged list is found at unlock; a damaged index chunk only when the index is opened, after it.
    expect(await view(again.call)).toEqual(before);
    expect(notesLoaded()).toBe(1);
    await again.call('vault.lock', {});
    await again.call('vault.unlock', { password: STRONG_PASSWORD });
    expect(await view(again.call)).toEqual(before);
    expect(notesLoaded()).toBe(1);
  });

  it("another vault's cache does not open here", async () => {
    const p = await practice();
    const other = await practice();
    const before = await view(p.call);
    p.service.close();
    other.service.close();
    fs.copyFileSync(other.cacheFile, p.cacheFile);
    const again = await reopen(p.dataDir);
    expect(await view(again.call)).toEqual(before);
  });

  it('a record damaged in place after the cache was sealed is never shown: opening fails, search leaves it out', async () => {
    const p = await practice();
    p.service.close();
    // Same row, same nonce, one flipped ciphertext byte: the cache still matches by nonce.
    tamper(p.dataDir, (db) => {
      const { ciphertext } = db.prepare('SELECT ciphertext FROM records WHERE id = ? AND rev = 1').get(p.soap.id) as { ciphertext: Buffer };
      ciphertext.writeUInt8(ciphertext.readUInt8(10) ^ 1, 10);
      db.prepare('UPDATE records SET ciphertext = ? WHERE id = ? AND rev = 1').run(ciphertext, p.soap.id);
    });
    const again = await reopen(p.dataDir);
    expect(await again.service.invoke('notes.get', { id: p.soap.id })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
    expect(await again.call('search.query', { text: 'marrowfield' })).toEqual([]);
    expect((await again.call('search.query', { text: 'ostrava' })).map((h) => h.noteId)).toEqual([p.free.id]);
  });

  it('a restore drops the cache of the vault it replaces', async () => {
    const p = await practice();
    const made = await p.call('backup.create', { folder: (await p.call('files.choose', { purpose: 'backup-folder', typedPath: tempDir() })).chosen!.handle });
    await p.call('notes.create', { title: 'After the backup', body: 'Not in the backup.' });
    await p.call('vault.lock', {});
    expect(fs.existsSync(p.cacheFile)).toBe(true);
    await p.call('backup.restore', { backup: made.handle, password: STRONG_PASSWORD });
    expect(fs.existsSync(p.cacheFile)).toBe(false);
    expect((await p.call('notes.list', {})).map((n) => n.title)).not.toContain('After the backup');
  });
});

describe('what a kept index was built with', () => {
  // A kept index holds the words of its session's stop list. A query under another list could ask
  // for a word the kept index left out and silently miss notes; rowids made with another number of
  // places a day would be out of session order: a new list, or a new number, needs a new version.
  it('the stop words and places a day are the ones of this cache version (change both, or neither)', () => {
    expect({ version: UNLOCK_CACHE_VERSION, stopWords: STOP_WORDS.join(' '), daySlots: DAY_SLOTS }).toEqual({
      version: 7,
      stopWords: 'a an and are as at be by for from in is it of on or that the their they this to was were with',
      daySlots: 32,
    });
  });
});
