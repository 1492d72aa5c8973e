import { exportClient, exportNote } from '../core/export/client-export';
import { folderDestination } from '../core/export/destination';
import type { HandlersFor, ServiceContext } from './types';

export function exportHandlers({ vault, now }: ServiceContext): HandlersFor<'export'> {
  return {
    'export.client': ({ dir, ...req }) => exportClient(vault.unlocked(), req, folderDestination(dir), now()),
    'export.note': ({ id, dir }) => exportNote(vault.unlocked(), id, folderDestination(dir), now()),
  };
}
