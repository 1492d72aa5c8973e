import { useState } from 'react';
import { restoreNote, signNote, trashNote } from '../../actions/note-lifecycle';
import { printNote } from '../../actions/print';
import type { Draft, SaveState } from '../../store';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { History } from './History';
import { SaveNotePdf } from './SaveNotePdf';
import { SignDialog } from './SignDialog';

/** Sign, trash or restore, and history of the open note. A signed note is never trashed from here: it is a record. */
export function NoteActions({ draft, save }: { draft: Draft; save: SaveState }) {
  const [confirmSign, setConfirmSign] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [savingPdf, setSavingPdf] = useState(false);
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
        {!trashed && (
          <>
            <button type="button" className="secondary" disabled={draft.id === null} onClick={() => void run(async () => ((await printNote(draft.id!)) ? undefined : 'Printing was cancelled.'))}>
              Print
            </button>
            <button type="button" className="secondary" disabled={draft.id === null} aria-expanded={savingPdf} onClick={() => setSavingPdf(!savingPdf)}>
              Save as PDF…
            </button>
          </>
        )}
      </div>
      {savingPdf && draft.id && !trashed && <SaveNotePdf noteId={draft.id} />}
      <StatusMessage status={status} />
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
