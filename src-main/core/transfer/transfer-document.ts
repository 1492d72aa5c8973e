import { selectRecord } from '../export/records-selection';
import { renderPdf } from '../pdf/pdf-engine';
import { recordsPdf } from '../pdf/records-pdf';
import type { UnlockedSession } from '../vault/unlocked-session';

export interface TransferSelection {
  clientId: string;
  includeUnsigned: boolean;
  /** Only after the clinician's second confirmation (the contract refuses it otherwise). */
  includePsychotherapy: boolean;
}

export interface TransferDocument {
  bytes: Uint8Array;
  format: 'pdf';
  /** Notes in the file, psychotherapy notes included. */
  notes: number;
  psychotherapyNotes: number;
}

/**
 * The record the next clinician receives, in memory only (it is encrypted before anything is
 * written): the records-request PDF chosen the same way (selectRecord), titled for the receiving
 * clinician: signed notes, drafts only when asked for, psychotherapy notes only when asked for and
 * confirmed, and never a note in the trash. The same records at the same time give the same bytes.
 */
export async function transferDocument(s: UnlockedSession, sel: TransferSelection, now: number): Promise<TransferDocument> {
  const doc = selectRecord(s, { clientId: sel.clientId, includeUnsigned: sel.includeUnsigned }, now, {
    purpose: 'transfer',
    includePsychotherapy: sel.includePsychotherapy,
  });
  const psychotherapyNotes = doc.psychotherapy?.length ?? 0;
  return {
    bytes: await renderPdf(recordsPdf(doc), now),
    format: 'pdf',
    notes: doc.notes.length + psychotherapyNotes,
    psychotherapyNotes,
  };
}
