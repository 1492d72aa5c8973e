import { VaultManager, type VaultManagerOptions } from '../../src-main/core/vault/vault-manager';
import { typedPathChooser } from '../../src-main/dev/typed-path-chooser';
import { createVaultService, type VaultService, type VaultServiceOptions } from '../../src-main/service';
import type { FilePurpose } from '../../src-shared/contract/files';
import type { Channel, Input, Output } from '../../src-shared/ipc';
import { tempDir } from './disk';
import { closeLater } from './lifecycle';
import { FakeClock } from './fake-clock';

/**
 * Services and vaults for tests. Whatever a test opens here is closed after that test, pass or
 * fail; what a file opens in beforeAll, after the whole file (lifecycle.ts).
 */

/** Fast, weak KDF parameters: tests exercise the logic; calibration has its own test. */
export const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
export const STRONG_PASSWORD = 'correct horse battery staple 42';
/** The clinician who signs in tests (signing needs a profile). */
export const TEST_PROFILE = { name: 'Dana Reyes', credential: 'LCSW', licenseNumber: '12345', licenseState: 'CA' };

export type ServiceOverrides = Partial<VaultServiceOptions>;

/**
 * A service in a fresh data folder (or `dataDir`). Files are chosen as in the preview (a typed
 * path, `pick`); drives come from `driveSource` when given, else from nowhere (the test
 * machine's own USB sticks must not leak into a test).
 */
export async function newService(overrides: ServiceOverrides = {}): Promise<{ service: VaultService; dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDir();
  const service = closeLater(
    await createVaultService({ dataDir, dangerouslyUseKdfParams: TEST_KDF, fileChooser: typedPathChooser(), driveSource: async () => [], ...overrides }),
  );
  return { service, dataDir };
}

/** The user chooses `file` for `purpose` (typed, as in the preview): the handle main gives for it. */
export async function pick(service: VaultService, purpose: FilePurpose, file: string): Promise<string> {
  const { chosen } = value(await service.invoke('files.choose', { purpose, typedPath: file }));
  if (!chosen) throw new Error('nothing was chosen');
  return chosen.handle;
}

/** A VaultManager alone, below the service. */
export function newVaultManager(overrides: Partial<VaultManagerOptions> = {}): VaultManager {
  return closeLater(new VaultManager({ dataDir: tempDir(), now: Date.now, dangerouslyUseKdfParams: TEST_KDF, readKeyFile: () => new Uint8Array(0), ...overrides }));
}

/** A service whose manual lock does not wait for a renderer (none answers flush.request here). */
export function vaultService(overrides: ServiceOverrides = {}): Promise<{ service: VaultService; dataDir: string }> {
  return newService({ flushTimeoutMs: 1, ...overrides });
}

/** A fresh vault, created and unlocked, with the Recovery Key it showed. */
export async function createdVault(overrides: ServiceOverrides = {}) {
  const { service, dataDir } = await vaultService(overrides);
  const created = value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  return { service, dataDir, recoveryKey: created.recoveryKey, vaultId: created.vaultId };
}

export type Call = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

/** Calls a channel and unwraps its value (the test fails on an error). */
export function caller(service: VaultService): Call {
  return async (channel, input) => value(await service.invoke(channel, input));
}

/**
 * A fresh unlocked vault whose time moves only when the test moves `clock`, with the clinician
 * profile saved (signing needs one).
 */
export async function unlockedVault(overrides: ServiceOverrides = {}) {
  const clock = new FakeClock(Date.UTC(2025, 2, 14, 9, 0, 0));
  const created = await createdVault({ now: clock.now, ...overrides });
  const call = caller(created.service);
  await call('profile.update', TEST_PROFILE);
  return { ...created, clock, call };
}

/** Unwraps an ok result or fails the test with the error. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error code of a call that must fail. */
export async function codeOf(service: VaultService, channel: string, input: unknown): Promise<string> {
  const res = await service.invoke(channel, input);
  if (res.ok) throw new Error(`expected ${channel} to fail, it succeeded`);
  return res.error.code;
}

/** Locks and unlocks again with the password: what survives is what was stored. */
export async function relock(service: VaultService): Promise<void> {
  value(await service.invoke('vault.lock', {}));
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
}
