import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNLOCK_CACHE_FILE } from '../../../../src-main/core/vault/unlock-cache';
import { STRONG_PASSWORD, unlockedVault, value } from '../../../helpers/service';
import { turns, unlockCatchingIndex } from './index-at-unlock';

afterEach(() => vi.restoreAllMocks());

const NOTES = 150; // More than one background slice (100), fewer than a search's limit (200).

/** A vault with many notes, locked, its unlock cache gone: the next unlock is the first after a restore. */
async function withoutCache() {
  const v = await unlockedVault();
  const ids: string[] = [];
  for (let i = 0; i < NOTES; i++) ids.push((await v.call('notes.create', { title: `Visit ${i}`, body: `Talked about word${i} today.` })).id);
  await v.call('vault.lock', {});
  fs.rmSync(path.join(v.dataDir, UNLOCK_CACHE_FILE));
  return { ...v, ids, index: await unlockCatchingIndex(v.service, 'indexInBackground') };
}

describe('the first unlock without the unlock cache', () => {
  it('lists every note at once and indexes their words in the background, without a search', async () => {
    const { call, ids, index } = await withoutCache();
    // The list does not wait for the index.
    expect((await call('notes.list', {})).map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(index.indexed).toBe(false);
    await turns(NOTES);
    expect(index.indexed).toBe(true);
    expect((await call('search.query', { text: 'word0' })).map((h) => h.noteId)).toEqual([ids[0]]);
    expect((await call('search.query', { text: `word${NOTES - 1}` })).map((h) => h.noteId)).toEqual([ids[NOTES - 1]]);
  });

  it('answers a search made before the background is done with every note', async () => {
    const { call, ids, index } = await withoutCache();
    expect(index.indexed).toBe(false);
    expect((await call('search.query', { text: `word${NOTES - 1}` })).map((h) => h.noteId)).toEqual([ids[NOTES - 1]]);
    expect((await call('search.query', { text: 'talked', limit: 200 })).length).toBe(NOTES);
  });

  it('indexes each note as it reads when its turn comes: edits and the trash before then are what search sees', async () => {
    const { call, ids, index } = await withoutCache();
    const last = ids[NOTES - 1]!;
    expect(index.indexed).toBe(false);
    await call('notes.update', { id: last, baseRev: 1, title: `Visit ${NOTES - 1}`, body: 'Talked about gardening now.' });
    await call('notes.trash', { id: ids[NOTES - 2]! });
    await turns(NOTES);
    expect(index.indexed).toBe(true);
    expect(await call('search.query', { text: `word${NOTES - 1}` })).toEqual([]);
    expect((await call('search.query', { text: 'gardening' })).map((h) => h.noteId)).toEqual([last]);
    expect(await call('search.query', { text: `word${NOTES - 2}` })).toEqual([]);
    expect((await call('search.query', { text: 'talked', limit: 200 })).length).toBe(NOTES - 1);
  });

  it('seals every note into the cache when locked before the background is done', async () => {
    const { call, service, ids, index } = await withoutCache();
    expect(index.indexed).toBe(false);
    await call('vault.lock', {});
    await turns(3); // A background turn after the lock finds the index closed and stops.
    expect(index.isOpen).toBe(false);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect((await call('search.query', { text: 'talked', limit: 200 })).map((h) => h.noteId).sort()).toEqual([...ids].sort());
  });
});
