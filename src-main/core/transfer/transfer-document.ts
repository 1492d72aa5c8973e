import type { Note } from '../../../src-shared/contract/notes';
import { chronological } from '../export/client-export';
import { renderConsents } from '../export/export-consents';
import { renderClientRecord } from '../export/export-html';
import type { UnlockedSession } from '../vault/unlocked-session';

export interface TransferSelection {
  clientId: string;
  includeUnsigned: boolean;
  /** Only after the clinician's second confirmation (the contract refuses it otherwise). */
  includePsychotherapy: boolean;
}

export interface TransferDocument {
  bytes: Uint8Array;
  format: 'html';
  /** Notes in the file, psychotherapy notes included. */
  notes: number;
  psychotherapyNotes: number;
}

/**
 * The record the next clinician receives, in memory only (it is encrypted before anything is
 * written): the records-request copy (HTML: the PDF export is not on this branch), signed notes,
 * drafts only when asked for, psychotherapy notes only when asked for and confirmed, and never a
 * note in the trash.
 */
export function transferDocument(s: UnlockedSession, sel: TransferSelection, now: number): TransferDocument {
  const client = s.clients.get(sel.clientId);
  const record: Note[] = [];
  const psychotherapy: Note[] = [];
  for (const summary of s.notes.list({ clientId: sel.clientId, includeTrashed: false })) {
    const note = s.notes.get(summary.id);
    if (!note.signed && !sel.includeUnsigned) continue;
    // Checked on the full note, by kind as well as by flag: leaving them out is a legal promise.
    const isPsychotherapy = note.isPsychotherapy || note.kind === 'psychotherapy';
    if (!isPsychotherapy) record.push(note);
    else if (sel.includePsychotherapy) psychotherapy.push(note);
  }
  record.sort(chronological);
  psychotherapy.sort(chronological);
  const consents = renderConsents(s.consents.list(sel.clientId));
  const html = renderClientRecord(client, record, now, consents, { purpose: 'transfer', psychotherapy });
  return {
    bytes: new TextEncoder().encode(html),
    format: 'html',
    notes: record.length + psychotherapy.length,
    psychotherapyNotes: psychotherapy.length,
  };
}
