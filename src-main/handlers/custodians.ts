import { custodiansStatus } from '../core/custodians/custodian-status';
import type { HandlersFor, ServiceContext } from './types';

export function custodiansHandlers({ vault, files }: ServiceContext): HandlersFor<'custodians'> {
  const keyFile = (handle: string | undefined) => files.resolveOptional(handle, 'key-file');
  return {
    'custodians.status': () => custodiansStatus(vault.unlocked()),
    'custodians.name': async (input) => {
      const { password, names, threshold } = input;
      const { shares, createdAt } = await vault.nameCustodians(password, keyFile(input.keyFile), names, threshold);
      return { vaultId: vault.unlocked().header.vaultId, createdAt, threshold, kits: names.map((name, i) => ({ name, share: shares[i]! })) };
    },
    'custodians.revoke': async (input) => {
      await vault.revokeCustodians(input.password, keyFile(input.keyFile));
      return {};
    },
  };
}
