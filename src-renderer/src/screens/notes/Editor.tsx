import { useEffect, useRef } from 'react';
import { NOTE_KIND_INFO } from '../../../../src-shared/templates';
import { editDraft, flushDraft } from '../../actions/notes';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../store';
import { Addenda } from './Addenda';
import { Conflict } from './Conflict';
import { GoalsAddressed } from './GoalsAddressed';
import { KindTemplatePicker } from './KindTemplatePicker';
import { NoteActions } from './NoteActions';
import { SaveStatus } from './SaveStatus';
import { SectionFields } from './SectionFields';
import { SessionHeaderForm } from './SessionHeaderForm';

/** The open note: header, session, template sections, free text, then sign/addenda/history. */
export function Editor() {
  const draft = useApp((s) => s.draft)!;
  const save = useApp((s) => s.save);
  const resume = useApp((s) => s.resume);
  const clientName = useApp((s) => s.clients.find((c) => c.id === draft.clientId)?.displayName ?? s.notes.find((n) => n.id === draft.id)?.clientName);
  const body = useRef<HTMLTextAreaElement>(null);
  const signed = draft.signedAt !== undefined;
  const readOnly = signed || draft.trashedAt !== undefined;

  // Back in the same place after an unlock.
  useEffect(() => {
    if (resume && resume.noteId === draft.id && body.current) {
      body.current.focus();
      body.current.setSelectionRange(resume.caret, resume.caret);
      useApp.setState({ resume: null });
    }
  }, [resume, draft.id]);

  return (
    <article className={readOnly ? 'editor read-only' : 'editor'} aria-label="Note editor">
      <div className="editor-head">
        <label htmlFor="note-title" className="visually-hidden">
          Title
        </label>
        <input
          id="note-title"
          className="title-input"
          placeholder="Title"
          value={draft.title}
          readOnly={readOnly}
          onChange={(e) => editDraft({ title: e.target.value })}
          onBlur={() => void flushDraft()}
        />
        {signed && <span className="badge signed">Signed {formatDateTime(draft.signedAt!)}</span>}
        <SaveStatus save={save} />
      </div>
      <p className="note-context">
        {clientName ? `Client: ${clientName}` : 'No client'} · {NOTE_KIND_INFO[draft.kind].label}
      </p>
      {draft.trashedAt !== undefined && (
        <p className="banner" role="note">
          In the trash since {formatDateTime(draft.trashedAt)}. Restore it to edit it.
        </p>
      )}
      {draft.kind === 'psychotherapy' && (
        <p className="psycho-notice" role="note">
          <strong>Psychotherapy note.</strong> {NOTE_KIND_INFO.psychotherapy.description}
        </p>
      )}
      {save.state === 'conflict' && <Conflict mine={draft} theirs={save.theirs} />}
      <div className="editor-fields" onBlur={() => void flushDraft()}>
        <KindTemplatePicker draft={draft} readOnly={readOnly} />
        <SessionHeaderForm session={draft.session} readOnly={readOnly} />
        {draft.kind === 'progress' && draft.clientId && <GoalsAddressed noteId={draft.id} clientId={draft.clientId} session={draft.session} readOnly={readOnly} />}
        <SectionFields templateId={draft.templateId} fields={draft.fields} readOnly={readOnly} />
        <label htmlFor="note-body">Note</label>
        <textarea
          id="note-body"
          ref={body}
          className="body-input"
          aria-describedby="note-body-hint"
          placeholder="Write your note…"
          value={draft.body}
          readOnly={readOnly}
          onChange={(e) => editDraft({ body: e.target.value })}
        />
        <p id="note-body-hint" className="hint">
          {draft.templateId === 'free' ? 'The whole note, as free text.' : 'Anything that does not fit a section above.'}
        </p>
      </div>
      <NoteActions draft={draft} save={save} />
      {signed && <Addenda addenda={draft.addenda} />}
    </article>
  );
}
