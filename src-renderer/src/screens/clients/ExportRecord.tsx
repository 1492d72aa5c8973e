import { useState } from 'react';
import { exportClientRecord } from '../../actions/export';
import { plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Records request (HIPAA §164.524): a printable copy of the client's record, psychotherapy notes excluded. */
export function ExportRecord({ clientId }: { clientId: string }) {
  const [open, setOpen] = useState(false);
  const [dir, setDir] = useState('');
  const { busy, status, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    const res = await exportClientRecord(clientId, dir.trim());
    return `Exported ${plural(res.notes, 'note')} to ${res.path}. Open it in a browser to print or save as PDF.${res.excludedPsychotherapy ? ' Psychotherapy notes were left out, as the law allows.' : ''}`;
  });

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Records request</h2>
      <p>A printable copy of this client's record, without psychotherapy notes. Each export is logged in the audit trail.</p>
      {open ? (
        <form onSubmit={submit}>
          <label htmlFor="export-dir">Folder to write the export to (full path)</label>
          <input id="export-dir" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} autoFocus />
          <StatusMessage status={status} testId="export-message" />
          <div className="row">
            <button type="submit" disabled={busy || !dir.trim()}>
              Export record
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Export the record…
        </button>
      )}
    </section>
  );
}
