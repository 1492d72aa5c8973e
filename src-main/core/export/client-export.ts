import type { Output, ParsedInput } from '../../../src-shared/ipc';
import { VaultError } from '../errors';
import { localIsoDate } from '../notes/note-record';
import { notePdf } from '../pdf/note-pdf';
import { renderPdf } from '../pdf/pdf-engine';
import { recordsPdf } from '../pdf/records-pdf';
import type { UnlockedSession } from '../vault/unlocked-session';
import type { ExportDestination } from './destination';
import { renderClientRecord } from './export-html';
import { selectRecord } from './records-selection';

/** The channel's input; the chosen folder is resolved from its handle into the destination. */
export type ExportRequest = Omit<ParsedInput<'export.client'>, 'folder'>;

/**
 * Writes one client's record (HIPAA §164.524 access request) as a PDF or HTML file to the
 * destination the clinician chose. What goes in is decided once, in selectRecord.
 */
export async function exportClient(s: UnlockedSession, req: ExportRequest, to: ExportDestination, now: number): Promise<Output<'export.client'>> {
  const doc = selectRecord(s, req, now);
  // No client name in the file name: it shows up in folder listings, recent-file lists and backups.
  const base = `client-record-${localIsoDate(now)}-${req.clientId.slice(0, 8)}`;
  const path = req.format === 'pdf' ? to.write(base, '.pdf', await renderPdf(recordsPdf(doc), now)) : to.write(base, '.html', renderClientRecord(doc));
  return { path, counts: doc.counts };
}

/** One note as a PDF. A note in the trash is not a document to hand over until it is restored. */
export async function exportNote(s: UnlockedSession, id: string, to: ExportDestination, now: number): Promise<Output<'export.note'>> {
  const note = s.notes.get(id);
  if (note.trashedAt !== undefined) throw new VaultError('INVALID_INPUT', 'This note is in the trash. Restore it to export it.');
  const client = note.clientId ? s.clients.get(note.clientId) : null;
  const bytes = await renderPdf(notePdf(note, client, s.profile.get()), now);
  return { path: to.write(`note-${note.session.serviceDate}-${id.slice(0, 8)}`, '.pdf', bytes) };
}
