import { useState } from 'react';
import { restoreNote, signNote, trashNote } from '../../actions/note-lifecycle';
import type { Draft, SaveState } from '../../store';
import { errorMessage } from '../../vault';
import { History } from './History';
import { SignDialog } from './SignDialog';

/** Sign, trash or restore, and history of the open note. */
export function NoteActions({ draft, save }: { draft: Draft; save: SaveState }) {
  const [confirmSign, setConfirmSign] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signed = draft.signedAt !== undefined;
  const trashed = draft.trashedAt !== undefined;

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

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
          <button type="button" className="secondary" disabled={draft.id === null} onClick={() => void run(trashNote)}>
            Move to trash
          </button>
        )}
        <button type="button" className="secondary" disabled={draft.id === null} aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          History
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {showHistory && draft.id && <History noteId={draft.id} rev={draft.rev} />}
      {confirmSign && (
        <SignDialog
          onCancel={() => setConfirmSign(false)}
          onSign={() => {
            setConfirmSign(false);
            void run(signNote);
          }}
        />
      )}
    </section>
  );
}
