import { useState } from 'react';
import { exportClientRecord } from '../../actions/export';
import { printRecord } from '../../actions/print';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { fileName } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { recordsSummary } from './records-summary';
import { recordsRequest, RecordsRequestOptions, type RecordsOptions } from './RecordsRequestOptions';

/**
 * Records request (HIPAA §164.524): the client's record as a document to hand over, or on paper.
 * The cover page says what is included and what is left out, and why; psychotherapy notes never go in.
 */
export function ExportRecord({ clientId }: { clientId: string }) {
  const [options, setOptions] = useState<RecordsOptions>({ includeUnsigned: false, from: '', to: '' });
  const [format, setFormat] = useState<'pdf' | 'html'>('pdf');
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const { busy, status, run, onSubmit } = useSubmit();
  const req = recordsRequest(clientId, options);

  const submit = onSubmit(async () => {
    if (!folder) return;
    const res = await exportClientRecord({ ...req, format, folder: folder.handle });
    return `Saved ${fileName(res.path)} in that folder: ${recordsSummary(res.counts)}`;
  });
  const print = () =>
    run(async () => {
      const { doc, printed } = await printRecord(req);
      return printed ? `Sent to the printer: ${recordsSummary(doc.counts)}` : 'Printing was cancelled.';
    });

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Records request</h2>
      <p>
        A copy of this client's record to hand over. Its cover page says what it includes and what is left out, and why; psychotherapy notes
        are never included. Every export and printout is recorded in the audit trail.
      </p>
      {open ? (
        <form onSubmit={submit}>
          <RecordsRequestOptions value={options} onChange={setOptions} />
          <fieldset className="choice">
            <legend>Format</legend>
            <label>
              <input type="radio" name="records-format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} />
              PDF
            </label>
            <label>
              <input type="radio" name="records-format" checked={format === 'html'} onChange={() => setFormat('html')} />
              Web page (HTML)
            </label>
          </fieldset>
          <FileChoice purpose="export-folder" label="Folder to save the copy in" chooseLabel="Choose export folder…" chosen={folder} onChosen={setFolder} />
          <StatusMessage status={status} testId="export-message" />
          <div className="row">
            <button type="submit" disabled={busy || !folder}>
              Export record
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void print()}>
              Print record
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
