import { createRequire } from 'node:module';
import type * as NodeRsArgon2 from '@node-rs/argon2';
import { serialQueue } from '../../../src-shared/serial-queue';
import { deriveKekInWorker, timeKdfInWorker } from './kdf-thread';
import type { Kek } from './keys';
import { KEY_BYTES, SALT_BYTES, type KdfParams } from './sodium';

/**
 * The password KDF as the vault runs it: Argon2id13, one lane, 32-byte output — the same bytes as
 * libsodium's `crypto_pwhash(ALG_ARGON2ID13)` that made every existing vault and backup.
 *
 * Native (@node-rs/argon2, N-API, ABI-stable across Node and Electron) when its prebuilt binary
 * loads: 2–3× faster than libsodium's WASM, so calibration buys more memory-hardness per second,
 * and it runs on libuv's thread pool, so the main process stays free without a worker thread.
 * Where no prebuilt exists, libsodium WASM on the KDF worker thread (kdf-thread.ts): same key, slower.
 * The choice is made once per process; calibration times the engine that derives.
 */
export type KdfEngine = 'native' | 'wasm';

type NativeHashRaw = typeof NodeRsArgon2.hashRaw;
/** Algorithm.Argon2id and Version.V0x13: const enums in the typings, which isolatedModules cannot read. */
const ARGON2ID = 2 as NodeRsArgon2.Algorithm.Argon2id;
const V0X13 = 1 as NodeRsArgon2.Version.V0x13;

function loadNative(): NativeHashRaw | null {
  try {
    // require, not import(): the CommonJS bundle keeps it as is, and Electron resolves it in the asar.
    // In the bundle, scripts/build-main.mjs defines import.meta.url as the bundle's URL.
    const argon2 = createRequire(import.meta.url)('@node-rs/argon2') as typeof NodeRsArgon2;
    return argon2.hashRaw;
  } catch {
    return null; // no prebuilt binary for this platform: the WASM fallback gives the same key
  }
}

let native: NativeHashRaw | null | undefined;
const nativeHash = (): NativeHashRaw | null => (native === undefined ? (native = loadNative()) : native);

/** Which implementation derives keys in this process. */
export function kdfEngine(): KdfEngine {
  return nativeHash() ? 'native' : 'wasm';
}

/** Tests only: behave as on a platform without the native binary ('wasm'), or choose again (null). */
export function dangerouslyForceKdfEngine(engine: 'wasm' | null): void {
  native = engine === 'wasm' ? null : undefined;
}

async function nativeArgon2id(hashRaw: NativeHashRaw, password: Uint8Array, salt: Uint8Array, params: KdfParams): Promise<Kek> {
  const out = await hashRaw(password, {
    algorithm: ARGON2ID,
    version: V0X13,
    parallelism: 1,
    outputLen: KEY_BYTES,
    // libsodium passes memlimit / 1024 (rounded down) as Argon2's memory cost in KiB.
    memoryCost: Math.floor(params.memLimitBytes / 1024),
    timeCost: params.opsLimit,
    salt,
  });
  const kek = new Uint8Array(out) as Kek;
  out.fill(0);
  return kek;
}

// One run at a time: two 256 MiB runs at once would only be slower, and would skew a calibration.
const oneAtATime = serialQueue();

/** Argon2id13(password as UTF-8, 16-byte salt, params) -> 32-byte KEK, off the main event loop. */
export function derivePasswordKek(password: string, salt: Uint8Array, params: KdfParams): Promise<Kek> {
  return oneAtATime(async () => {
    const hashRaw = nativeHash();
    if (!hashRaw) return deriveKekInWorker(password, salt, params);
    // UTF-8 as libsodium encodes a string password; our copy is wiped once the hash is done.
    const bytes = new TextEncoder().encode(password);
    try {
      return await nativeArgon2id(hashRaw, bytes, salt, params);
    } finally {
      bytes.fill(0);
    }
  });
}

/** Milliseconds one Argon2id run at `params` takes here, with the engine that derives keys. */
export function timeKdf(params: KdfParams): Promise<number> {
  return oneAtATime(async () => {
    const hashRaw = nativeHash();
    if (!hashRaw) return timeKdfInWorker(params);
    const start = performance.now();
    const kek = await nativeArgon2id(hashRaw, new TextEncoder().encode('calibration'), new Uint8Array(SALT_BYTES), params);
    const ms = performance.now() - start;
    kek.fill(0);
    return ms;
  });
}
