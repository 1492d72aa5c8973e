import { hashRawSync, type Algorithm } from '@node-rs/argon2';
import { derivePasswordKek, kdfEngine } from '../../src-main/core/crypto/password-kdf';
import type { KdfParams } from '../../src-main/core/crypto/sodium';
import { ms, type MeasureResult } from '../report';
import { call, openBenchService, BENCH_PASSWORD } from '../service-call';
import { median, round } from '../stats';

const fastest = (samples: number[]): number => Math.min(...samples);

const RUNS = 5;
/** Algorithm.Argon2id: a const enum in the typings, which isolatedModules cannot read. */
const ARGON2ID = 2 as Algorithm.Argon2id;
const TARGET = 1.3;

function nativeArgon2id(password: string, salt: Uint8Array, params: KdfParams): Buffer {
  // libsodium's crypto_pwhash: one lane, version 0x13, memory in KiB, 32-byte output.
  return hashRawSync(password, {
    algorithm: ARGON2ID,
    salt: Buffer.from(salt),
    timeCost: params.opsLimit,
    memoryCost: params.memLimitBytes / 1024,
    parallelism: 1,
    outputLen: 32,
  });
}

/**
 * Argon2id as the vault runs it (`derivePasswordKek`: native Argon2id on libuv's thread pool, or
 * the libsodium WASM fallback on the KDF worker thread, its start-up excluded) vs @node-rs/argon2
 * called directly on this thread, at the parameters a real vault.create calibrated.
 * The two alternate, and each side's fastest run is compared: on a shared machine a slow run
 * measures the neighbours, not Argon2id.
 */
export async function measureKdf(dataDir: string): Promise<MeasureResult> {
  const service = await openBenchService(dataDir);
  const created = await call(service, 'vault.create', { password: BENCH_PASSWORD });
  service.close();
  const params = created.kdf;

  const engine = kdfEngine();
  // Same algorithm, same parameters: both must give the same key for the same input. This first
  // run also starts the KDF thread on the WASM fallback, so the timed runs exclude its start-up.
  const salt = new Uint8Array(16).fill(7);
  const small = { opsLimit: params.opsLimit, memLimitBytes: 8 * 1024 * 1024 };
  const same = Buffer.from(await derivePasswordKek(BENCH_PASSWORD, salt, small)).equals(nativeArgon2id(BENCH_PASSWORD, salt, small));
  if (!same) throw new Error('The vault\'s KDF and @node-rs/argon2 disagree: the comparison would not be like for like.');

  const app: number[] = [];
  const native: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    (await derivePasswordKek(BENCH_PASSWORD, salt, params)).fill(0);
    app.push(performance.now() - start);
    start = performance.now();
    nativeArgon2id(BENCH_PASSWORD, salt, params);
    native.push(performance.now() - start);
  }
  const ratio = fastest(app) / fastest(native);
  const label = `${params.opsLimit} passes, ${params.memLimitBytes / 1024 / 1024} MiB, 1 lane`;
  return {
    rows: [
      {
        measure: `Argon2id (${label})`,
        app: `${ms(fastest(app))} (${engine === 'native' ? 'native, libuv pool' : 'libsodium WASM, worker'})`,
        baseline: `${ms(fastest(native))} (@node-rs/argon2)`,
        ratio,
        target: `≤ ${TARGET}×`,
        met: ratio <= TARGET,
      },
    ],
    raw: { params, engine, runs: RUNS, appMs: app.map((x) => round(x)), nativeMs: native.map((x) => round(x)), sameOutput: same, ratio: round(ratio, 3), medianRatio: round(median(app) / median(native), 3) },
  };
}
