import { confirmRecoveryKit } from '../core/checkup/security-record';
import { ratePassword } from '../core/vault/password-policy';
import type { HandlersFor, ServiceContext } from './types';

export function vaultHandlers({ vault, lockCoordinator }: ServiceContext): HandlersFor<'vault'> {
  return {
    'vault.status': () => vault.status(),
    'vault.checkPassword': ({ password }) => ratePassword(password),
    'vault.create': ({ password, keyFile }) => vault.create(password, keyFile),
    'vault.unlock': async (credentials) => {
      await vault.unlock(credentials);
      return {};
    },
    'vault.lock': async () => {
      // Through the coordinator, so a manual lock also waits for the renderer's draft.
      await lockCoordinator.lock('manual');
      return {};
    },
    'vault.changePassword': async ({ current, next, keyFile }) => {
      await vault.changePassword(current, next, keyFile);
      return {};
    },
    'vault.rotateRecoveryKey': ({ password, keyFile }) => vault.rotateRecoveryKey(password, keyFile),
    'vault.confirmRecoveryKit': () => {
      confirmRecoveryKit(vault.unlocked());
      return {};
    },
  };
}
