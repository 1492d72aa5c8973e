import type { Output } from '../../../src-shared/ipc';
import { VaultError } from '../errors';
import type { UnlockedSession } from '../vault/unlocked-session';

/** The window's print dialog (Electron's webContents.print in the Shell); resolves true when printed. */
export type PrintPort = () => Promise<boolean>;

/** A note to lay out for paper. A note in the trash is not a document to hand over until it is restored. */
export function printableNote(s: UnlockedSession, id: string): Output<'print.note'> {
  const note = s.notes.get(id);
  if (note.trashedAt !== undefined) throw new VaultError('INVALID_INPUT', 'This note is in the trash. Restore it to print it.');
  return note;
}

/**
 * Opens the print dialog for what the window shows. Without a Shell (the preview) the page
 * prints itself. Only while unlocked: the session is the proof there is something to print.
 */
export async function printPage(_unlocked: UnlockedSession, port: PrintPort | undefined): Promise<Output<'print.page'>> {
  return port ? { via: 'shell', printed: await port() } : { via: 'browser', printed: false };
}
