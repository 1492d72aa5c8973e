import { ratePassword } from '../core/password-policy';
import type { HandlersFor, ServiceContext } from './types';

export function vaultHandlers({ vault, emit }: ServiceContext): HandlersFor<'vault'> {
  return {
    'vault.status': () => vault.status(),
    'vault.checkPassword': ({ password }) => ratePassword(password),
    'vault.create': ({ password, keyFile }) => vault.create(password, keyFile),
    'vault.unlock': (credentials) => {
      vault.unlock(credentials);
      return {};
    },
    'vault.lock': () => {
      vault.lock();
      emit('locked', { reason: 'manual' });
      return {};
    },
    'vault.changePassword': ({ current, next, keyFile }) => {
      vault.changePassword(current, next, keyFile);
      return {};
    },
    'vault.rotateRecoveryKey': ({ password, keyFile }) => vault.rotateRecoveryKey(password, keyFile),
  };
}
