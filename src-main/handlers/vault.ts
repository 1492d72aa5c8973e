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

export function vaultHandlers({ vault, lockCoordinator, now, files }: ServiceContext): HandlersFor<'vault'> {
  const keyFile = (handle: string | undefined) => files.resolveOptional(handle, 'key-file');
  return {
    'vault.status': () => {
      const status = vault.status();
      return { ...status, recoveryKitConfirmed: status.state === 'unlocked' ? recoveryKitConfirmed(vault.unlocked()) : null };
    },
    'vault.checkPassword': ({ password }) => ratePassword(password),
    'vault.create': async (input) => {
      const { password } = input;
      const created = await vault.create(password, keyFile(input.keyFile));
      await notePasswordScore(vault, password, now());
      return created;
    },
    'vault.unlock': async (credentials) => {
      await vault.unlock('recoveryKey' in credentials ? credentials : { password: credentials.password, keyFile: keyFile(credentials.keyFile) });
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
    'vault.changePassword': async (input) => {
      const { current, next } = input;
      await vault.changePassword(current, next, keyFile(input.keyFile));
      await notePasswordScore(vault, next, now());
      return {};
    },
    'vault.rotateRecoveryKey': (input) => vault.rotateRecoveryKey(input.password, keyFile(input.keyFile)),
    'vault.addKeyFile': async (input) => {
      await vault.addKeyFile(input.password, files.resolve(input.keyFile, 'key-file'));
      return {};
    },
    'vault.confirmRecoveryKit': () => {
      const s = vault.unlocked();
      updateSecurityFacts(s.store, { recoveryKitConfirmedFor: s.header.recoveryCreatedAt });
      return {};
    },
  };
}
