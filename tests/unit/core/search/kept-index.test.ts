import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRONG_PASSWORD, unlockedVault, value } from '../../../helpers/service';
import { turns, unlockCatchingIndex } from './index-at-unlock';

afterEach(() => vi.restoreAllMocks());

const NOTES = 40;

/** A vault with notes, locked (which seals the unlock cache) and unlocked again: the usual unlock. */
async function fromCache() {
  const v = await unlockedVault();
  const ids: string[] = [];
  for (let i = 0; i < NOTES; i++) ids.push((await v.call('notes.create', { title: `Visit ${i}`, body: `Talked about word${i}x today.` })).id);
  await v.call('vault.lock', {});
  return { ...v, ids, index: await unlockCatchingIndex(v.service, 'loadInBackground') };
}

const found = async (call: Awaited<ReturnType<typeof fromCache>>['call'], text: string) =>
  (await call('search.query', { text, limit: 200 })).map((h) => h.noteId).sort();

describe('an unlock from the cache (the last session\'s index kept)', () => {
  it('returns with the list before the index is read, then opens it in the background', async () => {
    const { call, ids, index } = await fromCache();
    expect(index.loading).toBe(true);
    expect((await call('notes.list', {})).map((n) => n.id).sort()).toEqual([...ids].sort());
    await turns(5);
    expect(index.loading).toBe(false);
    expect(await found(call, 'talked')).toEqual([...ids].sort());
  });

  it('answers a search made before the index is open with every note', async () => {
    const { call, ids, index } = await fromCache();
    expect(index.loading).toBe(true);
    expect(await found(call, `word${NOTES - 1}x`)).toEqual([ids[NOTES - 1]]);
    expect(index.loading).toBe(false);
  });

  it('keeps what changes while the index is being opened: saves, deletions, and the cache sealed at lock', async () => {
    const { call, service, ids, index } = await fromCache();
    expect(index.loading).toBe(true);
    await call('notes.update', { id: ids[0]!, baseRev: 1, title: 'Visit 0', body: 'Talked about gardening now.' });
    await call('notes.trash', { id: ids[1]! });
    const added = await call('notes.create', { title: 'New', body: 'Talked about word9999.' });
    expect(index.loading).toBe(true);
    const expected = [...ids.slice(1 + 1), added.id].sort();
    const check = async () => {
      expect(await found(call, 'word0x')).toEqual([]);
      expect(await found(call, 'gardening')).toEqual([ids[0]]);
      expect(await found(call, 'word1x')).toEqual([]);
      expect(await found(call, 'word9999')).toEqual([added.id]);
      expect(await found(call, 'talked')).toEqual([ids[0]!, ...expected].sort());
    };
    await turns(5);
    expect(index.loading).toBe(false);
    await check();
    await call('vault.lock', {});
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    await check();
  });

  it('a lock before the index is open leaves the cache as it was, and the next unlock still finds every note', async () => {
    const { call, service, ids, index } = await fromCache();
    expect(index.loading).toBe(true);
    await call('vault.lock', {});
    await turns(3); // A background turn after the lock finds the index closed and stops.
    expect(index.isOpen).toBe(false);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(await found(call, 'talked')).toEqual([...ids].sort());
  });
});
