import type { NoteSummary } from '../../../../src-shared/ipc';
import { VirtualList } from '../../components/VirtualList';
import { NOTE_ROW_PX, NoteRow } from '../notes/NoteRow';

/** At most this tall; fewer notes take only the room they need. */
const MAX_LIST_PX = 480;

/** The notes of one tab of a client record, virtualized, as tall as its notes (up to a limit). */
export function RecordNotes({ notes, label, onOpen }: { notes: NoteSummary[]; label: string; onOpen: (id: string) => void }) {
  if (notes.length === 0) return <p className="empty">No notes here yet.</p>;
  return (
    <div className="record-notes">
      <VirtualList
        items={notes}
        label={label}
        maxHeight={MAX_LIST_PX}
        itemKey={(n) => n.id}
        rowHeight={NOTE_ROW_PX}
        renderItem={(n) => <NoteRow note={n} active={false} onOpen={onOpen} />}
      />
    </div>
  );
}
