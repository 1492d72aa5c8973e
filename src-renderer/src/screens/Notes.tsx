import { useApp } from '../store';
import { Editor } from './notes/Editor';
import { NotesSidebar } from './notes/NotesSidebar';

/** All notes (or the trash) on the left, the open note on the right. */
export function Notes() {
  const draft = useApp((s) => s.draft);
  return (
    <div className="notes-layout">
      <NotesSidebar />
      <main className="editor-pane">{draft ? <Editor key={draft.key} /> : <p className="empty">Choose a note or start a new one.</p>}</main>
    </div>
  );
}
