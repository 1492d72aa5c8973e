import { readSecurityFacts, recoveryKitConfirmed, updateSecurityFacts } from '../core/checkup/security-record';
import { ratePassword } from '../core/vault/password-policy';
import type { VaultManager } from '../core/vault/vault-manager';
import type { HandlersFor, ServiceContext } from './types';

/** Keeps only the password's strength score (for the Security Checkup), never the password. */
async function notePasswordScore(vault: VaultManager, password: string, now: number): Promise<void> {
  try {
    const { score } = await ratePassword(password);
    updateSecurityFacts(vault.unlocked().store, { passwordScore: score, passwordRatedAt: now });
  } catch {
    // The checkup then shows the score as not known: never fail an unlock over it.
  }
}

export function vaultHandlers({ vault, lockCoordinator, now }: ServiceContext): HandlersFor<'vault'> {
  return {
    'vault.status': () => {
      const status = vault.status();
      return { ...status, recoveryKitConfirmed: status.state === 'unlocked' ? recoveryKitConfirmed(vault.unlocked()) : null };
    },
    'vault.checkPassword': ({ password }) => ratePassword(password),
    'vault.create': async ({ password, keyFile }) => {
      const created = await vault.create(password, keyFile);
      await notePasswordScore(vault, password, now());
      return created;
    },
    'vault.unlock': async (credentials) => {
      await vault.unlock(credentials);
      // Rating costs up to a second on this thread: do it only when no score is kept yet
      // (the password itself only changes through vault.changePassword, which rates it).
      if ('password' in credentials && readSecurityFacts(vault.unlocked().store).passwordScore === undefined) {
        await notePasswordScore(vault, credentials.password, now());
      }
      return {};
    },
    'vault.lock': async () => {
      // Through the coordinator, so a manual lock also waits for the renderer's draft.
      await lockCoordinator.lock('manual');
      return {};
    },
    'vault.changePassword': async ({ current, next, keyFile }) => {
      await vault.changePassword(current, next, keyFile);
      await notePasswordScore(vault, next, now());
      return {};
    },
    'vault.rotateRecoveryKey': ({ password, keyFile }) => vault.rotateRecoveryKey(password, keyFile),
    'vault.addKeyFile': async ({ password, keyFile }) => {
      await vault.addKeyFile(password, keyFile);
      return {};
    },
    'vault.confirmRecoveryKit': () => {
      const s = vault.unlocked();
      updateSecurityFacts(s.store, { recoveryKitConfirmedFor: s.header.recoveryCreatedAt });
      return {};
    },
  };
}
