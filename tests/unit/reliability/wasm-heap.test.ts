import path from 'node:path';
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupBulkKey, backupKey, newMasterKey, recordsKey, searchCacheKey, type MasterKey } from '../../../src-main/core/crypto/keys';
import {
  dangerouslyCountLiveWasmBlocks,
  dangerouslyReadWasmHeap,
  initCrypto,
  keyedHash,
  open,
  scrubWasmStack,
  seal,
  streamPuller,
} from '../../../src-main/core/crypto/sodium';
import { unlockWithPassword } from '../../../src-main/core/vault/key-hierarchy';
import { vaultHeaderSchema } from '../../../src-main/core/vault/vault-header';
import { tempDir } from '../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../helpers/service';

beforeAll(() => initCrypto());

const enc = new TextEncoder();

/** Whether `needle` occurs anywhere in the WASM heap right now. */
function inHeap(needle: Uint8Array): boolean {
  return Buffer.from(dangerouslyReadWasmHeap().buffer, dangerouslyReadWasmHeap().byteOffset, dangerouslyReadWasmHeap().byteLength).includes(Buffer.from(needle));
}

describe('the libsodium WASM heap keeps nothing readable', () => {
  it('a derived key is gone from the heap and stack as soon as it is made', () => {
    const key = recordsKey(newMasterKey());
    expect(inHeap(key)).toBe(false);
  });

  it('the copies a call makes are wiped when freed, and what the stack keeps is scrubbed (as every lock does)', () => {
    const key = recordsKey(newMasterKey());
    // Longer than a ChaCha20 block, so both the heap copies and the stack's partial block hold parts of it.
    const plaintext = enc.encode('Quillfeather-Obadiah-canary-in-a-sealed-record-4410 and the rest of a session note');
    const sealed = seal(key, plaintext, enc.encode('ad'));
    const opened = open(key, sealed.nonce, sealed.ciphertext, enc.encode('ad'))!;
    expect(Buffer.from(opened).toString()).toContain('canary');
    keyedHash(null, plaintext);
    // The first 64 bytes went through heap blocks only: freed, so wiped already.
    expect(inHeap(plaintext.subarray(0, 64))).toBe(false);
    scrubWasmStack();
    expect([inHeap(key), inHeap(plaintext.subarray(0, 48)), inHeap(plaintext.subarray(64))]).toEqual([false, false, false]);
  });

  it('secretstream states (they hold the stream key) are wiped and freed when a stream is done', () => {
    const key = backupKey(newMasterKey());
    // A format-1 backup stream, as the app wrote them (it only reads them now).
    const pushed = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const chunk = sodium.crypto_secretstream_xchacha20poly1305_push(pushed.state, enc.encode('a chunk of a vault copy'), null, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    scrubWasmStack();
    const before = dangerouslyCountLiveWasmBlocks();
    const puller = streamPuller(key, pushed.header)!;
    expect(puller.pull(chunk)?.final).toBe(true);
    puller.done();
    expect(dangerouslyCountLiveWasmBlocks()).toBe(before);
    expect(inHeap(key)).toBe(false);
  });

  it('after a session of work and a lock: no master key, subkey, client name or note text', async () => {
    const canaryTitle = 'Quillfeather-Obadiah-canary-title-7731';
    const canaryBody = 'Reports nightmares about the Ravensworth-canary-body-5520 incident.';
    const { service, dataDir } = await newService();
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    // The keys, as the test can compute them from the file (native Argon2id, then wiped calls).
    const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true });
    const header = vaultHeaderSchema.parse(JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string }).value));
    db.close();
    const mk = (await unlockWithPassword(header, STRONG_PASSWORD, null)) as MasterKey;
    const keys = { master: mk.slice(), records: recordsKey(mk), search: searchCacheKey(mk), backup: backupKey(mk), backupBulk: backupBulkKey(mk) };

    const client = value(await service.invoke('clients.create', { displayName: 'Obadiah Quillfeather' }));
    const note = value(await service.invoke('notes.create', { title: canaryTitle, body: canaryBody, clientId: client.id, kind: 'progress' }));
    // A backup and its drill (their stream keys pass through BLAKE2b in the heap), then the note opened just before the lock.
    const backup = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-')) }));
    value(await service.invoke('backup.drill', { backup: backup.handle }));
    value(await service.invoke('notes.update', { id: note.id, baseRev: note.rev, body: `${canaryBody} Sleep improving.` }));
    expect(value(await service.invoke('search.query', { text: 'nightmares' })).length).toBe(1);
    expect(value(await service.invoke('notes.get', { id: note.id })).title).toBe(canaryTitle);
    const texts = [canaryTitle, 'Ravensworth-canary-body-5520', 'Obadiah Quillfeather'].map((t) => enc.encode(t));
    // Already while unlocked, the note just read is not left behind in the heap.
    expect(texts.filter(inHeap)).toEqual([]);
    value(await service.invoke('vault.lock', {}));

    const leaks = [...Object.entries(keys).filter(([, k]) => inHeap(k)).map(([name]) => `${name} key`), ...texts.filter(inHeap).map((t) => Buffer.from(t).toString())];
    service.close();
    expect(leaks).toEqual([]);
  });
});
