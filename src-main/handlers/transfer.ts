import { listDisclosures } from '../core/transfer/disclosure-repo';
import { transferRecord } from '../core/transfer/transfer-record';
import type { HandlersFor, ServiceContext } from './types';

export function transferHandlers({ vault, now, files }: ServiceContext): HandlersFor<'transfer'> {
  return {
    'transfer.client': ({ folder, psychotherapyConfirmed: _confirmed, ...input }) =>
      transferRecord(vault.unlocked(), { ...input, dir: files.resolve(folder, 'export-folder') }, now()),
    'transfer.list': ({ clientId }) => listDisclosures(vault.unlocked(), clientId),
  };
}
