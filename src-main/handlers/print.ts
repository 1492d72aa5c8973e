import { printableNote, printPage } from '../core/export/printing';
import { selectRecord } from '../core/export/records-selection';
import type { HandlersFor, ServiceContext } from './types';

export function printHandlers({ vault, now, printPage: port }: ServiceContext): HandlersFor<'print'> {
  return {
    'print.note': ({ id }) => printableNote(vault.unlocked(), id),
    'print.record': (req) => selectRecord(vault.unlocked(), req, now()),
    // vault.unlocked() first: nothing to print from a locked vault (and the page is wiped by then).
    'print.page': () => printPage(vault.unlocked(), port),
  };
}
