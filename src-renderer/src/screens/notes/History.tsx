import { useEffect, useState } from 'react';
import type { RevisionChange, RevisionInfo } from '../../../../src-shared/contract/notes';
import type { Note } from '../../../../src-shared/ipc';
import { loadHistory, loadRevision } from '../../actions/note-lifecycle';
import { formatDateTime } from '../../components/format';
import { ErrorMessage } from '../../components/StatusMessage';
import { errorMessage } from '../../errors';
import { RevisionView } from './RevisionView';

const CHANGE_LABELS: Record<RevisionChange, string> = {
  created: 'Created',
  edited: 'Edited',
  signed: 'Signed',
  addendum: 'Addendum added',
  trashed: 'Moved to trash',
  restored: 'Restored',
};

/** Every revision of the note, oldest first; one can be opened read-only. */
export function History({ noteId, rev }: { noteId: string; rev: number | null }) {
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [viewing, setViewing] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadHistory(noteId).then(setRevisions, (e: unknown) => setError(errorMessage(e)));
  }, [noteId, rev]);

  async function view(r: number) {
    try {
      setViewing(await loadRevision(noteId, r));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ErrorMessage text={error} />
      {revisions && (
        <ol className="revision-list">
          {revisions.map((r) => (
            <li key={r.rev}>
              <span>
                Revision {r.rev} · {CHANGE_LABELS[r.change]} · {formatDateTime(r.updatedAt)}
              </span>
              <button type="button" className="link" onClick={() => void view(r.rev)} aria-label={`View revision ${r.rev}`}>
                View
              </button>
            </li>
          ))}
        </ol>
      )}
      {viewing && <RevisionView note={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}
