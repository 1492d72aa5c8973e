import { useEffect, useRef } from 'react';
import { editDraft, flushDraft, newNote, openNote, resolveConflict } from '../actions/notes';
import { useApp, type SaveState } from '../store';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function Notes() {
  const notes = useApp((s) => s.notes);
  const draft = useApp((s) => s.draft);
  return (
    <div className="notes-layout">
      <nav className="sidebar" aria-label="Notes">
        <div className="sidebar-head">
          <button type="button" onClick={() => void newNote()} title="New note (Ctrl+N)">
            New note
          </button>
        </div>
        {notes.length === 0 ? (
          <p className="empty">No notes yet.</p>
        ) : (
          <ul className="note-list">
            {notes.map((n) => (
              <li key={n.id}>
                <button type="button" className={draft?.id === n.id ? 'note-item active' : 'note-item'} onClick={() => void openNote(n.id)}>
                  <span className="note-title">{n.title || 'Untitled note'}</span>
                  <span className="note-date">{dateFormat.format(n.updatedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <main className="editor-pane">{draft ? <Editor key={draft.key} /> : <p className="empty">Choose a note or start a new one.</p>}</main>
    </div>
  );
}

function Editor() {
  const draft = useApp((s) => s.draft)!;
  const save = useApp((s) => s.save);
  const resume = useApp((s) => s.resume);
  const body = useRef<HTMLTextAreaElement>(null);

  // Back in the same place after an unlock.
  useEffect(() => {
    if (resume && resume.noteId === draft.id && body.current) {
      body.current.focus();
      body.current.setSelectionRange(resume.caret, resume.caret);
      useApp.setState({ resume: null });
    }
  }, [resume, draft.id]);

  return (
    <article className="editor">
      <div className="editor-head">
        <label htmlFor="note-title" className="visually-hidden">
          Title
        </label>
        <input
          id="note-title"
          className="title-input"
          placeholder="Title"
          value={draft.title}
          onChange={(e) => editDraft({ title: e.target.value })}
          onBlur={() => void flushDraft()}
        />
        <SaveStatus save={save} />
      </div>
      {save.state === 'conflict' && <Conflict mine={draft.body} theirs={save.theirs.body} />}
      <label htmlFor="note-body" className="visually-hidden">
        Note
      </label>
      <textarea
        id="note-body"
        ref={body}
        className="body-input"
        placeholder="Write your note…"
        value={draft.body}
        onChange={(e) => editDraft({ body: e.target.value })}
        onBlur={() => void flushDraft()}
      />
    </article>
  );
}

function SaveStatus({ save }: { save: SaveState }) {
  const text =
    save.state === 'saved' ? 'Saved' : save.state === 'saving' ? 'Saving…' : save.state === 'dirty' ? 'Editing' : save.state === 'conflict' ? 'Not saved: changed elsewhere' : `Not saved: ${save.message}`;
  return (
    <span className={`save-status ${save.state}`} role="status" data-testid="save-status">
      {text}
    </span>
  );
}

function Conflict({ mine, theirs }: { mine: string; theirs: string }) {
  return (
    <section className="conflict" aria-label="Conflicting versions">
      <p>This note was changed elsewhere while you edited it. Both versions are kept in its history; choose which continues.</p>
      <div className="conflict-columns">
        <div>
          <h2>Your version</h2>
          <pre>{mine}</pre>
          <button type="button" onClick={() => void resolveConflict('mine')}>
            Keep mine
          </button>
        </div>
        <div>
          <h2>Saved version</h2>
          <pre>{theirs}</pre>
          <button type="button" className="secondary" onClick={() => void resolveConflict('theirs')}>
            Use saved version
          </button>
        </div>
      </div>
    </section>
  );
}
