import { useState } from 'react';
import { restoreNote, signNote, trashNote } from '../../actions/note-lifecycle';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Draft, SaveState } from '../../store';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { History } from './History';

/** Sign, trash or restore, and history of the open note. A signed note is never trashed from here: it is a record. */
export function NoteActions({ draft, save }: { draft: Draft; save: SaveState }) {
  const [confirmSign, setConfirmSign] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const { status, run } = useSubmit();
  const signed = draft.signedAt !== undefined;
  const trashed = draft.trashedAt !== undefined;

  return (
    <section className="note-actions" aria-label="Note actions">
      <div className="row">
        {!signed && !trashed && (
          <button type="button" disabled={draft.id === null || save.state === 'conflict'} onClick={() => setConfirmSign(true)}>
            Sign note
          </button>
        )}
        {trashed ? (
          <button type="button" onClick={() => void run(() => restoreNote())}>
            Restore from trash
          </button>
        ) : (
          !signed && (
            <button type="button" className="secondary" disabled={draft.id === null} onClick={() => void run(trashNote)}>
              Move to trash
            </button>
          )
        )}
        <button type="button" className="secondary" disabled={draft.id === null} aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          History
        </button>
      </div>
      <StatusMessage status={status} />
      {showHistory && draft.id && <History noteId={draft.id} rev={draft.rev} />}
      {confirmSign && (
        <ConfirmDialog
          title="Sign this note?"
          confirmLabel="Sign"
          onCancel={() => setConfirmSign(false)}
          onConfirm={() => {
            setConfirmSign(false);
            void run(signNote);
          }}
        >
          <p>A signed note can never be changed again. Corrections are made as addenda, each with its own date and time.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
