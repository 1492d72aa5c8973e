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
  /** Whether a renderer listens for events (and so can answer a flush request). */
  hasRenderer: boolean;
}

/** Wires the settings, the lock policy and the flush-then-lock coordinator to one vault. */
export function createAutoLock({ vault, emit, clock = systemClock, flushTimeoutMs, hasRenderer }: AutoLockOptions): {
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
      // The vault seals the lock into the chain before the keys go.
      vault.lock(reason);
    },
    isUnlocked,
    policy,
    emit,
    clock,
    flushTimeoutMs,
    hasRenderer,
    newRequestId: () => toHex(randomBytes(16)),
  });
  return { settings, policy, coordinator };
}
