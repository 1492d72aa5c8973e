import { DisclosureRepo } from '../core/transfer/disclosure-repo';
import { transferRecord } from '../core/transfer/transfer-record';
import type { HandlersFor, ServiceContext } from './types';

export function transferHandlers({ vault, now, files }: ServiceContext): HandlersFor<'transfer'> {
  return {
    'transfer.client': ({ folder, psychotherapyConfirmed: _confirmed, ...input }) =>
      transferRecord(vault.unlocked(), { ...input, dir: files.resolve(folder, 'export-folder') }, now()),
    'transfer.list': ({ clientId }) => {
      const s = vault.unlocked();
      s.clients.get(clientId); // NOT_FOUND for a client that is not in the vault
      return new DisclosureRepo(s.store).list(clientId);
    },
  };
}
