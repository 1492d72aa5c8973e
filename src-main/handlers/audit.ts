import { exportAuditTrail } from '../core/audit/audit-export';
import { readableTrail } from '../core/audit/audit-trail';
import { folderDestination } from '../core/export/destination';
import type { HandlersFor, ServiceContext } from './types';

export function auditHandlers({ vault, now, files }: ServiceContext): HandlersFor<'audit'> {
  return {
    'audit.list': (filter) => readableTrail(vault.unlocked(), filter),
    'audit.verify': () => vault.unlocked().audit.verify(),
    'audit.export': ({ format, folder, filter }) =>
      exportAuditTrail(vault.unlocked(), { format, filter }, folderDestination(files.resolve(folder, 'export-folder')), now()),
  };
}
