import { exportClient } from '../core/export/client-export';
import type { HandlersFor, ServiceContext } from './types';

export function exportHandlers({ vault, now }: ServiceContext): HandlersFor<'export'> {
  return {
    'export.client': (input) => exportClient(vault.unlocked(), input, now()),
  };
}
