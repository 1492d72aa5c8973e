import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { calibrateKdf, chooseKdfParams } from '../../../../src-main/core/vault/kdf-calibration';

const MiB = 1024 * 1024;
beforeAll(() => initCrypto());

describe('chooseKdfParams (measured ms at 3 passes / 256 MiB -> parameters)', () => {
  it.each([
    // A typical laptop with WASM libsodium: 256 MiB fits, 3 passes already reach 0.5 s.
    [860, { opsLimit: 3, memLimitBytes: 256 * MiB }],
    // A fast machine: keep 256 MiB and add passes up to ~0.5–1 s.
    [300, { opsLimit: 5, memLimitBytes: 256 * MiB }],
    // Very fast: passes capped at 12.
    [20, { opsLimit: 12, memLimitBytes: 256 * MiB }],
    // A slow machine: less memory until 3 passes fit in 1 s.
    [1500, { opsLimit: 3, memLimitBytes: 128 * MiB }],
    [3500, { opsLimit: 3, memLimitBytes: 64 * MiB }],
    // Too slow for even the floor: the floor still wins (security before speed).
    [10_000, { opsLimit: 3, memLimitBytes: 64 * MiB }],
    // Nonsense measurements never go below the floor.
    [0, { opsLimit: 3, memLimitBytes: 256 * MiB }],
    [Number.NaN, { opsLimit: 3, memLimitBytes: 256 * MiB }],
  ])('%d ms -> %o', (ms, expected) => {
    expect(chooseKdfParams(ms)).toEqual(expected);
  });

  it('never goes below 3 passes and 64 MiB, and stays near the 1 s target whenever the floor allows', () => {
    for (let ms = 1; ms < 20_000; ms += 37) {
      const p = chooseKdfParams(ms);
      expect(p.opsLimit).toBeGreaterThanOrEqual(3);
      expect(p.memLimitBytes).toBeGreaterThanOrEqual(64 * MiB);
      const predicted = (ms / (3 * 256 * MiB)) * p.opsLimit * p.memLimitBytes;
      if (p.opsLimit > 3 || p.memLimitBytes > 64 * MiB) expect(predicted).toBeLessThanOrEqual(1000);
    }
  });
});

describe('calibrateKdf', () => {
  it('a real calibration on this machine gives at least 3 passes and 64 MiB', async () => {
    const p = await calibrateKdf();
    expect(p.opsLimit).toBeGreaterThanOrEqual(3);
    expect(p.memLimitBytes).toBeGreaterThanOrEqual(64 * MiB);
  });
});
