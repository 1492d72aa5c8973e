import { custodiansStatus } from '../core/custodians/custodian-status';
import type { HandlersFor, ServiceContext } from './types';

export function custodiansHandlers({ vault }: ServiceContext): HandlersFor<'custodians'> {
  return {
    'custodians.status': () => custodiansStatus(vault.unlocked()),
    'custodians.name': async ({ password, keyFile, names, threshold }) => {
      const { shares, createdAt } = await vault.nameCustodians(password, keyFile, names, threshold);
      return { vaultId: vault.unlocked().header.vaultId, createdAt, threshold, kits: names.map((name, i) => ({ name, share: shares[i]! })) };
    },
    'custodians.revoke': async ({ password, keyFile }) => {
      await vault.revokeCustodians(password, keyFile);
      return {};
    },
  };
}
