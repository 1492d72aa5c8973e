import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { exportClientRecord } from '../../actions/export';
import { FileChoice } from '../../components/FileChoice';
import { plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Records request (HIPAA §164.524): a printable copy of the client's record, psychotherapy notes excluded. */
export function ExportRecord({ clientId }: { clientId: string }) {
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const { busy, status, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    if (!folder) return;
    const res = await exportClientRecord(clientId, folder.handle);
    return `Exported ${plural(res.notes, 'note')} to ${res.path}. Open it in a browser to print or save as PDF.${res.excludedPsychotherapy ? ' Psychotherapy notes were left out, as the law allows.' : ''}`;
  });

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Records request</h2>
      <p>A printable copy of this client's record, without psychotherapy notes. Each export is logged in the audit trail.</p>
      {open ? (
        <form onSubmit={submit}>
          <FileChoice purpose="export-folder" label="Folder to write the export to" chooseLabel="Choose export folder…" chosen={folder} onChosen={setFolder} />
          <StatusMessage status={status} testId="export-message" />
          <div className="row">
            <button type="submit" disabled={busy || !folder}>
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
