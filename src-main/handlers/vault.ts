import { updateSecurityFacts } from '../core/checkup/security-record';
import { ratePassword } from '../core/password-policy';
import type { VaultManager } from '../core/vault-manager';
import type { HandlersFor, ServiceContext } from './types';

/** Keeps only the password's strength score (for the Security Checkup), never the password. */
function notePasswordScore(vault: VaultManager, password: string, now: number): void {
  try {
    updateSecurityFacts(vault.unlocked().store, { passwordScore: ratePassword(password).score, passwordRatedAt: now });
  } catch {
    // The checkup then shows the score as not known: never fail an unlock over it.
  }
}

export function vaultHandlers({ vault, lockCoordinator, now }: ServiceContext): HandlersFor<'vault'> {
  return {
    'vault.status': () => vault.status(),
    'vault.checkPassword': ({ password }) => ratePassword(password),
    'vault.create': async ({ password, keyFile }) => {
      const created = await vault.create(password, keyFile);
      notePasswordScore(vault, password, now());
      return created;
    },
    'vault.unlock': async (credentials) => {
      await vault.unlock(credentials);
      if ('password' in credentials) notePasswordScore(vault, credentials.password, now());
      return {};
    },
    'vault.lock': async () => {
      // Through the coordinator, so a manual lock also waits for the renderer's draft.
      await lockCoordinator.lock('manual');
      return {};
    },
    'vault.changePassword': async ({ current, next, keyFile }) => {
      await vault.changePassword(current, next, keyFile);
      notePasswordScore(vault, next, now());
      return {};
    },
    'vault.rotateRecoveryKey': ({ password, keyFile }) => vault.rotateRecoveryKey(password, keyFile),
    'vault.confirmRecoveryKit': () => {
      const s = vault.unlocked();
      updateSecurityFacts(s.store, { recoveryKitConfirmedFor: s.header.recoveryCreatedAt });
      return {};
    },
  };
}
