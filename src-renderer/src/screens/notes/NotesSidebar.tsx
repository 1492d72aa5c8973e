import { useCallback, useMemo, useState } from 'react';
import { emptyTrash } from '../../actions/note-lifecycle';
import { focusNoteTitle, newNote, openNote } from '../../actions/notes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { VirtualList } from '../../components/VirtualList';
import { useApp } from '../../store';
import { plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import type { NoteSummary } from '../../../../src-shared/ipc';
import { NOTE_ROW_PX, NoteRow } from './NoteRow';

const noteId = (n: NoteSummary) => n.id;
const open = (id: string) => void openNote(id);

/** The list of every note, or of the trash, with New note and Empty trash. */
export function NotesSidebar() {
  const notes = useApp((s) => s.notes);
  const openId = useApp((s) => s.draft?.id);
  const custodianMode = useApp((s) => s.custodianMode);
  const [trash, setTrash] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { status, setStatus, run } = useSubmit();
  // 10,000 notes: filtered again only when the notes or the tab change, not on every render.
  const shown = useMemo(() => notes.filter((n) => (n.trashedAt !== undefined) === trash), [notes, trash]);
  const activeIndex = useMemo(() => shown.findIndex((n) => n.id === openId), [shown, openId]);
  const renderItem = useCallback((n: NoteSummary) => <NoteRow note={n} active={n.id === openId} onOpen={open} />, [openId]);

  function empty() {
    setConfirming(false);
    void run(async () => {
      const { deleted, keptSigned } = await emptyTrash();
      return (
        `Deleted ${plural(deleted, 'note')} for good.` +
        (keptSigned ? ` ${plural(keptSigned, 'signed note')} ${keptSigned === 1 ? 'stays' : 'stay'} until the retention date.` : '')
      );
    });
  }

  return (
    <nav className="sidebar" aria-label="Notes">
      <div className="sidebar-head">
        {!custodianMode && (
          <button type="button" onClick={() => void newNote().then(focusNoteTitle)} title="New note (Ctrl+N)">
            New note
          </button>
        )}
        <button type="button" className="secondary" aria-pressed={trash} onClick={() => (setTrash(!trash), setStatus(null))}>
          {trash ? 'Back to notes' : 'Trash'}
        </button>
      </div>
      {trash && (
        <div className="trash-head">
          <p className="hint">Notes in the trash can be restored until the trash is emptied.</p>
          {!custodianMode && (
            <button type="button" className="secondary" disabled={shown.length === 0} onClick={() => setConfirming(true)}>
              Empty trash
            </button>
          )}
          <StatusMessage status={status} />
        </div>
      )}
      {shown.length === 0 ? (
        <p className="empty">{trash ? 'The trash is empty.' : 'No notes yet.'}</p>
      ) : (
        <VirtualList
          items={shown}
          label={trash ? 'Notes in the trash' : 'All notes'}
          itemKey={noteId}
          activeIndex={activeIndex}
          rowHeight={NOTE_ROW_PX}
          renderItem={renderItem}
        />
      )}
      {confirming && (
        <ConfirmDialog title="Empty the trash?" confirmLabel="Delete for good" onConfirm={empty} onCancel={() => setConfirming(false)}>
          <p>Unsigned notes in the trash are deleted for good, with all their history. Signed notes stay until their retention date.</p>
        </ConfirmDialog>
      )}
    </nav>
  );
}
