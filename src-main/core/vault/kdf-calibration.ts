import { timeKdf } from '../crypto/password-kdf';
import { KDF_MIN, type KdfParams } from '../crypto/sodium';

const MiB = 1024 * 1024;
/** Memory sizes tried, largest first; 256 MiB is the aim, 64 MiB the floor (DESIGN §4). */
const MEMORY_STEPS = [256, 192, 128, 96, 64].map((m) => m * MiB);
const AIM_MEMORY = MEMORY_STEPS[0]!;
const TARGET_MAX_MS = 1000;
const TARGET_MIN_MS = 500;
const MAX_OPS = 12;

/**
 * Picks Argon2id parameters that take roughly 0.5–1 s with the implementation actually used
 * (password-kdf.ts: native Argon2id, or libsodium WASM where native cannot load), never below
 * opsLimit 3 and 64 MiB. One measurement at 3 passes / 256 MiB; Argon2 time is close to linear
 * in passes × memory, so the rest is arithmetic.
 */
export async function calibrateKdf(): Promise<KdfParams> {
  const ms = await timeKdf({ opsLimit: KDF_MIN.opsLimit, memLimitBytes: AIM_MEMORY });
  return chooseKdfParams(ms);
}

/** Pure: given the measured time at 3 passes / 256 MiB, the parameters to use. */
export function chooseKdfParams(msAt3x256: number): KdfParams {
  // A nonsense measurement (0, negative, NaN) must not lead below the floor or to a division by zero.
  const measured = Number.isFinite(msAt3x256) && msAt3x256 > 0 ? msAt3x256 : TARGET_MAX_MS;
  const perPassPerByte = measured / (KDF_MIN.opsLimit * AIM_MEMORY);
  const memLimitBytes =
    MEMORY_STEPS.find((m) => perPassPerByte * KDF_MIN.opsLimit * m <= TARGET_MAX_MS) ?? KDF_MIN.memLimitBytes;
  let opsLimit = KDF_MIN.opsLimit;
  while (opsLimit < MAX_OPS && perPassPerByte * opsLimit * memLimitBytes < TARGET_MIN_MS) {
    if (perPassPerByte * (opsLimit + 1) * memLimitBytes > TARGET_MAX_MS) break;
    opsLimit++;
  }
  return { opsLimit, memLimitBytes };
}
