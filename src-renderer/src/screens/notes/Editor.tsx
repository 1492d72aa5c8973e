import { useEffect, useRef } from 'react';
import { editDraft, flushDraft } from '../../actions/notes';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../store';
import { Conflict } from './Conflict';
import { GoalsAddressed } from './GoalsAddressed';
import { KindTemplatePicker } from './KindTemplatePicker';
import { NoteActions } from './NoteActions';
import { NoteNotices } from './NoteNotices';
import { SaveStatus } from './SaveStatus';
import { SectionFields } from './SectionFields';
import { SessionHeaderForm } from './SessionHeaderForm';
import { SignedNote } from './SignedNote';

/** The open note: a signed one reads as a finished document; any other is the editing form. */
export function Editor() {
  const draft = useApp((s) => s.draft)!;
  return draft.signedAt !== undefined ? <SignedNote draft={draft} signedAt={draft.signedAt} /> : <NoteForm />;
}

/** Header, client, session, template sections, free text, then sign/trash/history. */
function NoteForm() {
  const draft = useApp((s) => s.draft)!;
  const save = useApp((s) => s.save);
  const resume = useApp((s) => s.resume);
  const spellCheck = useApp((s) => s.spellCheck);
  const body = useRef<HTMLTextAreaElement>(null);
  // Records custodians read: a draft is shown as it is, never edited.
  const custodianMode = useApp((s) => s.custodianMode);
  const readOnly = draft.trashedAt !== undefined || custodianMode;

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
          spellCheck={spellCheck}
          onChange={(e) => editDraft({ title: e.target.value })}
          onBlur={() => void flushDraft()}
        />
        <SaveStatus save={save} />
      </div>
      {draft.trashedAt !== undefined && (
        <p className="banner" role="note">
          In the trash since {formatDateTime(draft.trashedAt)}. Restore it to edit it.
        </p>
      )}
      <NoteNotices kind={draft.kind} />
      {save.state === 'conflict' && <Conflict mine={draft} theirs={save.theirs} />}
      <div className="editor-fields" onBlur={() => void flushDraft()}>
        <KindTemplatePicker clientId={draft.clientId} kind={draft.kind} templateId={draft.templateId} readOnly={readOnly} />
        <SessionHeaderForm session={draft.session} readOnly={readOnly} billing={draft.kind !== 'psychotherapy'} />
        {draft.kind === 'progress' && draft.clientId && <GoalsAddressed noteId={draft.id} clientId={draft.clientId} session={draft.session} readOnly={readOnly} />}
        <SectionFields templateId={draft.templateId} fields={draft.fields} readOnly={readOnly} spellCheck={spellCheck} />
        <label htmlFor="note-body">Note</label>
        <textarea
          id="note-body"
          ref={body}
          className="body-input"
          aria-describedby="note-body-hint"
          placeholder="Write your note…"
          value={draft.body}
          readOnly={readOnly}
          spellCheck={spellCheck}
          onChange={(e) => editDraft({ body: e.target.value })}
        />
        <p id="note-body-hint" className="hint">
          {draft.templateId === 'free' ? 'The whole note, as free text.' : 'Anything that does not fit a section above.'}
        </p>
      </div>
      <NoteActions draft={draft} save={save} />
    </article>
  );
}
