import { exportClient } from '../core/export/client-export';
import type { HandlersFor, ServiceContext } from './types';

export function exportHandlers({ vault, now, files }: ServiceContext): HandlersFor<'export'> {
  return {
    'export.client': ({ folder, ...input }) => exportClient(vault.unlocked(), { ...input, dir: files.resolve(folder, 'export-folder') }, now()),
  };
}
