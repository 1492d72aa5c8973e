import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { derivePasswordKek } from '../../../../src-main/core/crypto/password-kdf';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { recordType } from '../../../../src-main/core/records/record-store';
import type { VaultManager } from '../../../../src-main/core/vault/vault-manager';
import { newVaultManager, STRONG_PASSWORD, TEST_KDF, value, vaultService } from '../../../helpers/service';

beforeAll(() => initCrypto());

function manager(kdf = TEST_KDF): VaultManager {
  return newVaultManager({ dangerouslyUseKdfParams: kdf });
}
/** Slow enough (~0.12 s a run natively, ~0.25 s in WASM) that a lock 30 ms in surely lands while the KDF runs. */
const RACE_KDF = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };
/** Any record will do for these tests: they prove the keys, not the notes. */
const probeRecord = recordType('probe', z.object({ text: z.string() }), 'record');

function sessionKeys(vm: VaultManager): Uint8Array[] {
  const s = vm.unlocked();
  return [s.masterKey, s.recordsKey];
}

/** Lets a queued credential call start its KDF (without letting it finish). */
const duringKdf = () => new Promise((r) => setTimeout(r, 30));

const allZero = (keys: Uint8Array[]) => keys.every((k) => k.length === 32 && k.every((b) => b === 0));

describe('keys in memory', () => {
  it('every session key buffer is zeroed on lock and on close', async () => {
    const vm = manager();
    await vm.create(STRONG_PASSWORD);
    const first = sessionKeys(vm);
    expect(first.some((k) => k.some((b) => b !== 0))).toBe(true);
    vm.lock();
    expect(allZero(first)).toBe(true);
    expect(() => vm.unlocked()).toThrow(/locked/);

    await vm.unlock({ password: STRONG_PASSWORD });
    const second = sessionKeys(vm);
    expect(allZero(second)).toBe(false);
    vm.close();
    expect(allZero(second)).toBe(true);
  });

  it('the notes and clients lists are emptied at lock, also for whoever still holds them', async () => {
    const vm = manager();
    await vm.create(STRONG_PASSWORD);
    const s = vm.unlocked();
    const client = s.clients.create({ displayName: 'Held Client Name', status: 'active', notes: '' });
    s.notes.create({ title: 'Held note title', body: 'b', clientId: client.id, kind: 'free', fields: {} });
    const { notes, clients, search } = s;
    expect(notes.list({ includeTrashed: true })).toHaveLength(1);
    vm.lock();
    expect(notes.list({ includeTrashed: true })).toEqual([]);
    expect(clients.list({ includeArchived: true })).toEqual([]);
    expect(clients.nameOf(client.id)).toBeUndefined();
    expect(() => search.query('Held', { limit: 10 })).toThrow();
    vm.close();
  });

  it('a lock that arrives while the unlock KDF runs wins: no session is started', async () => {
    const vm = manager(RACE_KDF);
    await vm.create(STRONG_PASSWORD);
    vm.lock();
    const pending = vm.unlock({ password: STRONG_PASSWORD });
    await duringKdf();
    vm.lock();
    await expect(pending).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(vm.status().state).toBe('locked');
    await vm.unlock({ password: STRONG_PASSWORD });
    expect(vm.status().state).toBe('unlocked');
    vm.close();
  });

  it('a lock during a password change aborts it; the old password still opens the records', async () => {
    const vm = manager(RACE_KDF);
    await vm.create(STRONG_PASSWORD);
    const { id } = vm.unlocked().store.insert(probeRecord, { text: 'intact' });
    const pending = vm.changePassword(STRONG_PASSWORD, 'lantern orchard velvet ninety');
    await duringKdf();
    vm.lock();
    await expect(pending).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(vm.unlock({ password: 'lantern orchard velvet ninety' })).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    await vm.unlock({ password: STRONG_PASSWORD });
    expect(vm.unlocked().store.get(id, probeRecord).payload).toEqual({ text: 'intact' });
    vm.close();
  });

  it('unlocking an unlocked vault still checks the password', async () => {
    const vm = manager();
    await vm.create(STRONG_PASSWORD);
    await expect(vm.unlock({ password: 'wrong password entirely' })).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    await vm.unlock({ password: STRONG_PASSWORD });
    expect(vm.status().state).toBe('unlocked');
    vm.close();
  });
});

describe('the KDF does not block the main process', () => {
  // No clock here: the order of events proves it (timing lives in bench/).
  it('an Argon2id run at real strength lets the event loop turn before it resolves', async () => {
    const params = { opsLimit: 6, memLimitBytes: 128 * 1024 * 1024 };
    let resolved = false;
    const run = derivePasswordKek(STRONG_PASSWORD, new Uint8Array(16), params).then((kek) => {
      resolved = true;
      return kek;
    });
    // A KDF run on this thread would finish inside the call, so its promise would settle before this fires.
    const resolvedAtNextTurn = await new Promise<boolean>((r) => setImmediate(() => r(resolved)));
    expect(resolvedAtNextTurn).toBe(false);
    expect((await run).length).toBe(32);
  });

  it('create reports and stores exactly the Argon2id parameters it used', async () => {
    const kdf = { opsLimit: 4, memLimitBytes: 64 * 1024 * 1024 };
    const { service, dataDir } = await vaultService({ dangerouslyUseKdfParams: kdf });
    const created = value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    service.close();
    expect(created.kdf).toEqual(kdf);
    const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true });
    const header = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string }).value) as { kdf: object };
    db.close();
    expect(header.kdf).toMatchObject({ alg: 'argon2id13', ...kdf });
  });
});
