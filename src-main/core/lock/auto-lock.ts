import { SETTINGS_DEFAULTS } from '../../../src-shared/contract/settings';
import type { EventName, EventPayload } from '../../../src-shared/ipc';
import { randomBytes, toHex } from '../crypto/sodium';
import { LockCoordinator } from './lock-coordinator';
import { LockPolicy, systemClock, type PolicyClock } from './lock-policy';
import { SettingsInEffect } from '../settings/settings-in-effect';
import type { VaultManager } from '../vault/vault-manager';

export interface AutoLockOptions {
  vault: VaultManager;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  clock?: PolicyClock;
  flushTimeoutMs?: number;
}

/** Wires the settings, the lock policy and the flush-then-lock coordinator to one vault. */
export function createAutoLock({ vault, emit, clock = systemClock, flushTimeoutMs }: AutoLockOptions): {
  settings: SettingsInEffect;
  policy: LockPolicy;
  coordinator: LockCoordinator;
} {
  const isUnlocked = (): boolean => vault.unlockedOrNull() !== null;
  // A shorter idle timeout applies at once, not after the old one runs out.
  const settings = new SettingsInEffect(() => vault.unlockedOrNull(), () => policy.settingsChanged());
  const policy = new LockPolicy({
    clock,
    // A settings read that fails must not stop the lock timer: fall back to the defaults.
    settings: () => {
      try {
        return settings.current();
      } catch {
        return SETTINGS_DEFAULTS;
      }
    },
    onWarning: (secondsLeft) => emit('lock.warning', { secondsLeft }),
    onWarningCancelled: () => emit('lock.warningCancelled', {}),
    onLock: (reason) => void coordinator.lock(reason),
  });
  const coordinator = new LockCoordinator({
    lockVault: (reason) => {
      // Logged before the keys go, so the lock is sealed into the chain like any other event.
      vault.recordAudit({ type: 'vault.locked', detail: reason });
      vault.lock();
    },
    isUnlocked,
    policy,
    emit,
    clock,
    flushTimeoutMs,
    newRequestId: () => toHex(randomBytes(16)),
  });
  return { settings, policy, coordinator };
}
