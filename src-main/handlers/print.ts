import { selectRecord } from '../core/export/records-selection';
import { VaultError } from '../core/errors';
import type { HandlersFor, ServiceContext } from './types';

export function printHandlers({ vault, now, printPage }: ServiceContext): HandlersFor<'print'> {
  return {
    'print.note': ({ id }) => {
      const note = vault.unlocked().notes.get(id);
      if (note.trashedAt !== undefined) throw new VaultError('INVALID_INPUT', 'This note is in the trash. Restore it to print it.');
      return note;
    },
    'print.record': (req) => selectRecord(vault.unlocked(), req, now()),
    'print.page': async () => {
      vault.unlocked(); // Nothing to print from a locked vault (and the page is wiped by then).
      return printPage ? { via: 'shell' as const, printed: await printPage() } : { via: 'browser' as const, printed: false };
    },
  };
}
