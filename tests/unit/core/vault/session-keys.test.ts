import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
  it('create with real-strength Argon2id keeps the event loop responsive and reports its parameters', async () => {
    const kdf = { opsLimit: 6, memLimitBytes: 128 * 1024 * 1024 };
    const { service } = await vaultService({ dangerouslyUseKdfParams: kdf });
    // Warm up the password rater (it loads its dictionaries once, on this thread).
    value(await service.invoke('vault.checkPassword', { password: STRONG_PASSWORD }));
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const t = performance.now();
      maxGap = Math.max(maxGap, t - last);
      last = t;
    }, 5);
    const start = performance.now();
    const created = value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const elapsed = performance.now() - start;
    clearInterval(timer);
    service.close();
    expect(created.kdf).toEqual(kdf);
    // Argon2id at 6 × 128 MiB takes ~0.5 s here natively (~1.2 s in WASM); on the main thread that would be one long gap.
    expect(elapsed).toBeGreaterThan(300);
    expect(maxGap).toBeLessThan(elapsed / 3);
  });
});
