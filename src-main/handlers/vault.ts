import { confirmRecoveryKit, recoveryKitConfirmed } from '../core/checkup/security-record';
import { ratePassword } from '../core/vault/password-policy';
import type { HandlersFor, ServiceContext } from './types';

export function vaultHandlers({ vault, lockCoordinator, files }: ServiceContext): HandlersFor<'vault'> {
  // The key file comes as a handle for what the user chose; the vault reads the path behind it.
  const keyFile = (handle: string | undefined) => files.resolveOptional(handle, 'key-file');
  return {
    'vault.status': () => {
      const status = vault.status();
      return { ...status, recoveryKitConfirmed: status.state === 'unlocked' ? recoveryKitConfirmed(vault.unlocked()) : null };
    },
    'vault.checkPassword': ({ password }) => ratePassword(password),
    'vault.create': (input) => vault.create(input.password, keyFile(input.keyFile)),
    'vault.unlock': async (credentials) => {
      await vault.unlock('recoveryKey' in credentials ? credentials : { password: credentials.password, keyFile: keyFile(credentials.keyFile) });
      return {};
    },
    'vault.lock': async () => {
      // Through the coordinator, so a manual lock also waits for the renderer's draft.
      await lockCoordinator.lock('manual');
      return {};
    },
    'vault.changePassword': async (input) => {
      await vault.changePassword(input.current, input.next, keyFile(input.keyFile));
      return {};
    },
    'vault.rotateRecoveryKey': (input) => vault.rotateRecoveryKey(input.password, keyFile(input.keyFile)),
    'vault.addKeyFile': async (input) => {
      await vault.addKeyFile(input.password, files.resolve(input.keyFile, 'key-file'));
      return {};
    },
    'vault.confirmRecoveryKit': () => {
      confirmRecoveryKit(vault.unlocked());
      return {};
    },
  };
}
