import { memo } from 'react';
import type { NoteSummary } from '../../../../src-shared/ipc';
import { NOTE_KIND_INFO } from '../../../../src-shared/templates';
import { formatIsoDate } from '../../components/format';

/** Every note row is this tall (px; each of its three lines is one line, cut with an ellipsis), so a list of 10,000 never measures a row. */
export const NOTE_ROW_PX = 88;

/**
 * One note in a list: title, date, client, kind and its marks (signed, psychotherapy, damaged).
 * Memoized: a list re-render (a save, another note opened) redraws only the rows that changed.
 */
export const NoteRow = memo(function NoteRow({ note, active, onOpen }: { note: NoteSummary; active: boolean; onOpen: (id: string) => void }) {
  // A note whose signed version was removed from the vault file never opens as an editable draft.
  const damaged = note.damage !== undefined;
  return (
    <button
      type="button"
      className={active ? 'note-item note-row active' : 'note-item note-row'}
      aria-current={active ? 'true' : undefined}
      aria-disabled={damaged ? 'true' : undefined}
      onClick={damaged ? undefined : () => onOpen(note.id)}
    >
      <span className="note-title">{note.title || 'Untitled note'}</span>
      <span className="note-date">
        {formatIsoDate(note.serviceDate)}
        {note.clientName ? ` · ${note.clientName}` : ''} · {NOTE_KIND_INFO[note.kind].label}
      </span>
      <span className="note-marks">
        {note.isPsychotherapy && <span className="badge psycho">Psychotherapy note</span>}
        {note.signed && <span className="badge signed">Signed</span>}
        {note.riskFlags.length > 0 && <span className="badge risk">Risk</span>}
        {damaged && (
          <span className="badge damaged" title="The audit trail shows this note was signed, but its signed version is missing from the vault file. Restore it from a backup.">
            Damaged: signed version missing
          </span>
        )}
      </span>
    </button>
  );
});
