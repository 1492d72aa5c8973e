import { exportClient, exportNote } from '../core/export/client-export';
import { folderDestination } from '../core/export/destination';
import type { HandlersFor, ServiceContext } from './types';

export function exportHandlers({ vault, now, files }: ServiceContext): HandlersFor<'export'> {
  return {
    'export.client': ({ folder, ...req }) => exportClient(vault.unlocked(), req, folderDestination(files.resolve(folder, 'export-folder')), now()),
    'export.note': ({ id, folder }) => exportNote(vault.unlocked(), id, folderDestination(files.resolve(folder, 'export-folder')), now()),
  };
}
