import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as kdfThread from '../../../../src-main/core/crypto/kdf-thread';
import { dangerouslyForceKdfEngine, derivePasswordKek, kdfEngine, timeKdf } from '../../../../src-main/core/crypto/password-kdf';
import { deriveKekFromPassword, initCrypto, toHex, type KdfParams } from '../../../../src-main/core/crypto/sodium';

// The WASM fallback's worker entry points, spied on (still real) to see whether the thread is used.
vi.mock('../../../../src-main/core/crypto/kdf-thread', async (importOriginal) => {
  const real = await importOriginal<typeof kdfThread>();
  return { ...real, deriveKekInWorker: vi.fn(real.deriveKekInWorker), timeKdfInWorker: vi.fn(real.timeKdfInWorker) };
});

const MiB = 1024 * 1024;
const salt = (seed: number) => new Uint8Array(16).map((_, i) => (i * 31 + seed) & 0xff);
/** libsodium's crypto_pwhash on this thread: what made every existing vault and backup. */
const libsodium = (password: string, s: Uint8Array, params: KdfParams) => toHex(deriveKekFromPassword(password, s, params));

const workerCalls = () => vi.mocked(kdfThread.deriveKekInWorker).mock.calls.length + vi.mocked(kdfThread.timeKdfInWorker).mock.calls.length;

beforeAll(() => initCrypto());
afterEach(() => {
  dangerouslyForceKdfEngine(null);
  vi.mocked(kdfThread.deriveKekInWorker).mockClear();
  vi.mocked(kdfThread.timeKdfInWorker).mockClear();
});

describe('password KDF (native Argon2id, libsodium WASM fallback)', () => {
  it('uses native Argon2id on this platform, without ever starting the KDF worker thread', async () => {
    expect(kdfEngine()).toBe('native');
    await derivePasswordKek('correct horse battery staple', salt(1), { opsLimit: 1, memLimitBytes: 8 * MiB });
    expect(await timeKdf({ opsLimit: 1, memLimitBytes: 8 * MiB })).toBeGreaterThan(0);
    expect(workerCalls()).toBe(0);
  });

  // Existing vaults and backups were all made by libsodium: any differing byte would lock them out.
  // Test names are printed to CI logs: they name the case, never the password.
  it.each([
    ['an ASCII password', 'correct horse battery staple 42', 1, { opsLimit: 1, memLimitBytes: 8 * MiB }],
    ['a non-ASCII password', 'naïve café — Grüße 🔑 密码', 2, { opsLimit: 2, memLimitBytes: 9 * MiB }],
    // Not a whole number of KiB: libsodium rounds memlimit / 1024 down, and so must we.
    ['a memory size that is not whole KiB', 'lantern orchard velvet ninety', 3, { opsLimit: 4, memLimitBytes: 8 * MiB + 3 * 1024 + 700 }],
    ['the 64 MiB floor', 'correct horse battery staple 42', 4, { opsLimit: 3, memLimitBytes: 64 * MiB }],
  ])('native gives libsodium\'s key byte for byte: %s', async (_case, password, seed, params) => {
    const kek = await derivePasswordKek(password, salt(seed), params);
    expect(kek).toHaveLength(32);
    expect(toHex(kek)).toBe(libsodium(password, salt(seed), params));
  });

  it('a different password, salt or parameter gives a different key', async () => {
    const params = { opsLimit: 1, memLimitBytes: 8 * MiB };
    const base = toHex(await derivePasswordKek('correct horse', salt(5), params));
    expect(toHex(await derivePasswordKek('correct horsf', salt(5), params))).not.toBe(base);
    expect(toHex(await derivePasswordKek('correct horse', salt(6), params))).not.toBe(base);
    expect(toHex(await derivePasswordKek('correct horse', salt(5), { ...params, opsLimit: 2 }))).not.toBe(base);
  });

  it('without the native binary, falls back to the worker thread and derives the same key', async () => {
    const params = { opsLimit: 2, memLimitBytes: 16 * MiB };
    const password = 'naïve café — Grüße 🔑 密码';
    const nativeKek = toHex(await derivePasswordKek(password, salt(7), params));
    expect(workerCalls()).toBe(0);

    dangerouslyForceKdfEngine('wasm');
    expect(kdfEngine()).toBe('wasm');
    const wasmKek = toHex(await derivePasswordKek(password, salt(7), params));
    expect(wasmKek).toBe(nativeKek);
    expect(wasmKek).toBe(libsodium(password, salt(7), params));
    // Calibration times the same engine that derives.
    expect(await timeKdf(params)).toBeGreaterThan(0);
    expect(vi.mocked(kdfThread.deriveKekInWorker)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(kdfThread.timeKdfInWorker)).toHaveBeenCalledTimes(1);
    kdfThread.releaseKdfThread();
  });

  it('concurrent derivations (queued one at a time) each give their caller its own key', async () => {
    const params = { opsLimit: 1, memLimitBytes: 8 * MiB };
    const passwords = ['first password here', 'second password here', 'third password here'];
    const keys = await Promise.all(passwords.map((p) => derivePasswordKek(p, salt(9), params)));
    expect(keys.map(toHex)).toEqual(passwords.map((p) => libsodium(p, salt(9), params)));
  });
});
