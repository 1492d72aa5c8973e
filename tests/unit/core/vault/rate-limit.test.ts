import { describe, expect, it } from 'vitest';
import { delayAfterFailures, secondsToWait } from '../../../../src-main/core/vault/rate-limit';
import type { VaultService } from '../../../../src-main/service';
import { createdVault, STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';
import { FakeClock } from '../../../helpers/fake-clock';

let service: VaultService | undefined;

const WRONG = { password: 'this is not the password' };

describe('unlock rate limit', () => {
  it('slows repeated failures with RATE_LIMITED + retryAfterSeconds, across a new service instance', async () => {
    const clock = new FakeClock();
    const v = await createdVault({ now: clock.now });
    service = v.service;
    value(await service.invoke('vault.lock', {}));
    for (let i = 0; i < 3; i++) {
      expect(await service.invoke('vault.unlock', WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    }
    const limited = await service.invoke('vault.unlock', { password: STRONG_PASSWORD });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: 2 } });
    if (!limited.ok) expect(limited.error.message).toMatch(/Wait 2 seconds/);

    // An app restart does not reset the counter.
    service.close();
    ({ service } = await vaultService({ dataDir: v.dataDir, now: clock.now }));
    await clock.advance(1000);
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
    });
    // Nor does the recovery key skip the wait.
    expect(await service.invoke('vault.unlock', { recoveryKey: v.recoveryKey })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });

    await clock.advance(1000);
    expect(await service.invoke('vault.unlock', WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    // The delay grows: 4 s after the fourth failure.
    expect(await service.invoke('vault.unlock', WRONG)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: 4 } });
    await clock.advance(4000);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));

    // Success resets it: three fresh free tries.
    value(await service.invoke('vault.lock', {}));
    for (let i = 0; i < 3; i++) {
      expect(await service.invoke('vault.unlock', WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    }
  });

  it('a burst of parallel wrong attempts is counted one by one, not all let through', async () => {
    const clock = new FakeClock();
    const v = await createdVault({ now: clock.now });
    service = v.service;
    value(await service.invoke('vault.lock', {}));
    const results = await Promise.all(Array.from({ length: 6 }, () => service!.invoke('vault.unlock', WRONG)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual(['WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('grows 2, 4, 8 … up to 5 minutes, and a clock set back never means a longer wait', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(delayAfterFailures)).toEqual([0, 0, 0, 2, 4, 8, 16, 300]);
    const t = 1_000_000;
    expect(secondsToWait(3, t, t + 500)).toBe(2);
    expect(secondsToWait(3, t, t + 2000)).toBe(0);
    expect(secondsToWait(20, t + 86_400_000, t)).toBe(300);
  });
});
