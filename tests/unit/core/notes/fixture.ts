import type { VaultService, VaultServiceOptions } from '../../../../src-main/service';
import type { Channel, Input, Output } from '../../../../src-shared/ipc';
import { newService, STRONG_PASSWORD, TEST_PROFILE, value } from '../../../helpers/service';

/** A service with a fresh unlocked vault and a clock the test moves by hand. */
export async function unlockedVault(overrides: Partial<VaultServiceOptions> = {}): Promise<{
  service: VaultService;
  dataDir: string;
  clock: { now: number };
  call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
}> {
  const clock = { now: Date.UTC(2025, 2, 14, 9, 0, 0) };
  // No renderer answers flush.request here, so a lock need not wait for one.
  const { service, dataDir } = await newService({ now: () => clock.now, flushTimeoutMs: 1, ...overrides });
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await service.invoke('profile.update', TEST_PROFILE));
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => value(await service.invoke(channel, input));
  return { service, dataDir, clock, call };
}

/** The error code of a call that must fail. */
export async function codeOf(service: VaultService, channel: string, input: unknown): Promise<string> {
  const res = await service.invoke(channel, input);
  if (res.ok) throw new Error(`expected ${channel} to fail, it succeeded`);
  return res.error.code;
}

export async function relock(service: VaultService): Promise<void> {
  value(await service.invoke('vault.lock', {}));
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
}
