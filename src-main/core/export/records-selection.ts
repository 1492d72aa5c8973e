import type { RecordsDocument, RecordsRequest } from '../../../src-shared/contract/export';
import type { Note } from '../../../src-shared/contract/notes';
import type { UnlockedSession } from '../vault/unlocked-session';
import { careOf } from './export-care';

/** Oldest first, as a record is read. */
export function chronological(a: Note, b: Note): number {
  const ka = `${a.session.serviceDate} ${a.session.startTime ?? ''}`;
  const kb = `${b.session.serviceDate} ${b.session.startTime ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.createdAt - b.createdAt;
}

/** A transfer of care's copy: for the receiving clinician, with psychotherapy notes only when the clinician confirmed them. */
export interface TransferCopy {
  purpose: 'transfer';
  includePsychotherapy: boolean;
}

/**
 * Decides what a records-request copy holds, once for every format (PDF, HTML, print):
 * psychotherapy notes never (in a transfer of care, only when the clinician confirmed them);
 * notes in the trash never; unsigned drafts only when asked for; only dates of service inside
 * the requested range. Everything left out is counted.
 */
export function selectRecord(s: UnlockedSession, req: RecordsRequest, now: number, transfer?: TransferCopy): RecordsDocument {
  const client = s.clients.get(req.clientId);
  const all = s.notes.list({ clientId: req.clientId, includeTrashed: true });
  const counts = { notes: 0, unsignedIncluded: 0, psychotherapy: 0, unsigned: 0, trashed: 0, outsideRange: 0 };
  const notes: Note[] = [];
  const psychotherapy: Note[] = [];
  for (const summary of all) {
    if (summary.trashedAt !== undefined) {
      counts.trashed++;
      continue;
    }
    const note = s.notes.get(summary.id);
    // Checked on the full note, by kind as well as by flag: the exclusion is a legal promise, not a list filter.
    const isPsychotherapy = note.isPsychotherapy || note.kind === 'psychotherapy';
    if (isPsychotherapy && !transfer?.includePsychotherapy) {
      counts.psychotherapy++;
      continue;
    }
    const date = note.session.serviceDate;
    if ((req.from && date < req.from) || (req.to && date > req.to)) {
      counts.outsideRange++;
      continue;
    }
    if (!note.signed && !req.includeUnsigned) {
      counts.unsigned++;
      continue;
    }
    // Confirmed psychotherapy notes go under their own heading, outside the record's counts.
    if (isPsychotherapy) {
      psychotherapy.push(note);
      continue;
    }
    if (!note.signed) counts.unsignedIncluded++;
    notes.push(note);
  }
  notes.sort(chronological);
  psychotherapy.sort(chronological);
  counts.notes = notes.length;
  return {
    client,
    clinician: s.profile.get(),
    preparedAt: now,
    ...(req.from ? { from: req.from } : {}),
    ...(req.to ? { to: req.to } : {}),
    notes,
    consents: s.consents.list(req.clientId),
    care: careOf(s, req.clientId, { treatmentStart: client.intakeDate, from: req.from, to: req.to, noteIds: new Set(notes.map((n) => n.id)) }),
    counts,
    ...(transfer ? { purpose: transfer.purpose, psychotherapy } : {}),
  };
}
