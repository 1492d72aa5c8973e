import { useApp } from '../store';
import { Editor } from './notes/Editor';
import { NotesSidebar } from './notes/NotesSidebar';

/**
 * All notes (or the trash) on the left, the open note on the right. Only the draft's key is read
 * here: a keystroke changes the draft, and must re-render the editor, not the list beside it.
 */
export function Notes() {
  const draftKey = useApp((s) => s.draft?.key);
  return (
    <div className="notes-layout">
      <NotesSidebar />
      <main className="editor-pane">{draftKey !== undefined ? <Editor key={draftKey} /> : <p className="empty">Choose a note or start a new one.</p>}</main>
    </div>
  );
}
