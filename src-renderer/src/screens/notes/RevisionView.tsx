import type { Note } from '../../../../src-shared/ipc';
import { NOTE_KIND_INFO, templateById } from '../../../../src-shared/templates';
import { formatDateTime, formatIsoDate } from '../../components/format';

/** One past revision, read-only: plain text, nothing editable. */
export function RevisionView({ note, onClose }: { note: Note; onClose: () => void }) {
  const sections = templateById(note.templateId).sections;
  return (
    <section className="revision-view" aria-labelledby="revision-title">
      <h3 id="revision-title">
        Revision {note.rev} of “{note.title || 'Untitled note'}”
      </h3>
      <p className="hint">
        {NOTE_KIND_INFO[note.kind].label} · {formatIsoDate(note.session.serviceDate)} · saved {formatDateTime(note.updatedAt)}
      </p>
      <dl>
        {sections.map((s) => (
          <div key={s.key}>
            <dt>{s.label}</dt>
            <dd>{note.fields[s.key] || '—'}</dd>
          </div>
        ))}
        <div>
          <dt>Note</dt>
          <dd>{note.body || '—'}</dd>
        </div>
      </dl>
      <button type="button" className="secondary" onClick={onClose}>
        Close revision
      </button>
    </section>
  );
}
