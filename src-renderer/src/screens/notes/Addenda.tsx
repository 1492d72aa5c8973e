import { useState } from 'react';
import type { Addendum } from '../../../../src-shared/contract/notes';
import { addAddendum } from '../../actions/note-lifecycle';
import { addendumLine } from '../../../../src-shared/document-text';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Addenda under a signed note, each timestamped and itself unchangeable, and a box to add one. */
export function Addenda({ addenda }: { addenda: Addendum[] }) {
  const [text, setText] = useState('');
  const { busy, status, run } = useSubmit();

  const add = () =>
    run(async () => {
      await addAddendum(text);
      setText('');
    });

  return (
    <section className="addenda" aria-labelledby="addenda-title">
      <h2 id="addenda-title">Addenda</h2>
      {addenda.length === 0 ? (
        <p className="hint">No addenda. Corrections to a signed note are added here.</p>
      ) : (
        <ol className="addendum-list">
          {addenda.map((a) => (
            <li key={a.id}>
              <p className="addendum-time">{addendumLine(a.createdAt, a.by)}</p>
              <p className="addendum-text">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor="addendum-text">New addendum</label>
      <textarea id="addendum-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <StatusMessage status={status} />
      <button type="button" disabled={busy || !text.trim()} onClick={() => void add()}>
        Add addendum
      </button>
    </section>
  );
}
