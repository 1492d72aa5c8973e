import { useState } from 'react';
import { amendableParts } from '../../../../src-shared/contract/notes';
import { addAddendum } from '../../actions/note-lifecycle';
import { addendumLine } from '../../../../src-shared/document-text';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp, type Draft } from '../../store';

/** Addenda below a signed note's signature, each with who added it, its date and the part it amends; then a way to add one. */
export function Addenda({ draft }: { draft: Draft }) {
  const parts = amendableParts(draft.templateId);
  const trashed = draft.trashedAt !== undefined;
  return (
    <section className="addenda" aria-labelledby="addenda-title">
      <h2 id="addenda-title">Addenda</h2>
      {draft.addenda.length === 0 ? (
        <p className="hint">No addenda yet.</p>
      ) : (
        <ol className="addendum-list">
          {draft.addenda.map((a) => (
            <li key={a.id}>
              <p className="addendum-time">{addendumLine(a, draft.templateId)}</p>
              <p className="addendum-text">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
      {!trashed && <NewAddendum parts={parts} />}
    </section>
  );
}

/** Closed until asked for, so the signed note stays a document to read. */
function NewAddendum({ parts }: { parts: { key: string; label: string }[] }) {
  const spellCheck = useApp((s) => s.spellCheck);
  const [open, setOpen] = useState(false);
  const [section, setSection] = useState('');
  const [text, setText] = useState('');
  const { busy, status, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    await addAddendum(text, section || undefined);
    setText('');
    setSection('');
    setOpen(false);
  });

  if (!open) {
    return (
      <>
        <StatusMessage status={status} />
        <button type="button" onClick={() => setOpen(true)}>
          New addendum
        </button>
      </>
    );
  }
  return (
    <form onSubmit={submit} aria-label="New addendum">
      <label htmlFor="addendum-section">Part it amends</label>
      <select id="addendum-section" value={section} onChange={(e) => setSection(e.target.value)}>
        <option value="">The note as a whole</option>
        {parts.map((p) => (
          <option key={p.key} value={p.key}>
            {p.label}
          </option>
        ))}
      </select>
      <label htmlFor="addendum-text">Addendum</label>
      <textarea id="addendum-text" rows={3} value={text} spellCheck={spellCheck} onChange={(e) => setText(e.target.value)} autoFocus />
      <StatusMessage status={status} />
      <div className="row">
        <button type="submit" disabled={busy || !text.trim()}>
          Add addendum
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
