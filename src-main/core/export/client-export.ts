import path from 'node:path';
import type { Note } from '../../../src-shared/contract/notes';
import type { Output, ParsedInput } from '../../../src-shared/ipc';
import { writeNewFile } from '../files/durable-files';
import { VaultError } from '../errors';
import { localIsoDate } from '../notes/note-record';
import type { UnlockedSession } from '../vault/unlocked-session';
import { careOf, renderCare } from './export-care';
import { renderConsents } from './export-consents';
import { renderClientRecord } from './export-html';

/** The channel's input, with the chosen folder resolved from its handle. */
export type ExportRequest = Omit<ParsedInput<'export.client'>, 'folder'> & { dir: string };
export type ExportResult = Output<'export.client'>;

/** Oldest first, as a record is read. */
function chronological(a: Note, b: Note): number {
  const ka = `${a.session.serviceDate} ${a.session.startTime ?? ''}`;
  const kb = `${b.session.serviceDate} ${b.session.startTime ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.createdAt - b.createdAt;
}

/**
 * Writes one client's record (HIPAA §164.524 access request) as a printable HTML file in `dir`.
 * Psychotherapy notes never enter the document; trashed notes are left out too.
 */
export function exportClient(s: UnlockedSession, req: ExportRequest, now: number): ExportResult {
  if (req.format === 'pdf') {
    throw new VaultError('INVALID_INPUT', 'PDF export is not available here. Export as HTML, open the file and print it to PDF.');
  }
  if (!path.isAbsolute(req.dir)) throw new VaultError('INVALID_INPUT', 'Choose a folder for the export.');
  const client = s.clients.get(req.clientId);
  const summaries = s.notes.list({ clientId: req.clientId, includeTrashed: true });
  const live = summaries.filter((n) => n.trashedAt === undefined);
  // Checked on the full note as well: the exclusion is a legal promise, not a list filter.
  const notes = live.map((n) => s.notes.get(n.id)).filter((n) => !n.isPsychotherapy && n.kind !== 'psychotherapy');
  notes.sort(chronological);
  const consents = s.consents.list(req.clientId);
  const care = renderCare(careOf(s, req.clientId, client.intakeDate));
  const html = renderClientRecord(client, notes, now, renderConsents(consents) + care);
  // No client name in the file name: it shows up in folder listings, recent-file lists and backups.
  const file = writeNewFile(req.dir, `client-record-${localIsoDate(now)}-${req.clientId.slice(0, 8)}`, '.html', html);
  return {
    path: file,
    notes: notes.length,
    excludedPsychotherapy: live.length - notes.length,
    excludedTrashed: summaries.length - live.length,
  };
}
