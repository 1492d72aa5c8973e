import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { exportClientRecord } from '../../actions/export';
import { describeChosen } from '../../actions/files';
import { printRecord } from '../../actions/print';
import { ChooseButton } from '../../components/ChooseButton';
import { fileName } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useDrives } from '../../components/useDrives';
import { useSubmit } from '../../components/useSubmit';
import { recordsSummary } from './records-summary';
import { recordsRequest, RecordsRequestOptions, type RecordsOptions } from './RecordsRequestOptions';

/**
 * Records request (HIPAA §164.524): the client's record as a document to hand over, or on paper.
 * The cover page says what is included and what is left out, and why; psychotherapy notes never go in.
 * Saved in one click to a plugged-in drive, or to a folder chosen in the OS dialog (which opens on
 * the drive, else in Documents).
 */
export function ExportRecord({ clientId }: { clientId: string }) {
  const { drives } = useDrives();
  const [options, setOptions] = useState<RecordsOptions>({ includeUnsigned: false, from: '', to: '' });
  const [format, setFormat] = useState<'pdf' | 'html'>('pdf');
  const [open, setOpen] = useState(false);
  const { busy, status, run } = useSubmit();
  const req = recordsRequest(clientId, options);

  const exportTo = (folder: ChosenPlace) =>
    void run(async () => {
      const res = await exportClientRecord({ ...req, format, folder: folder.handle });
      return `Saved ${fileName(res.path)} in ${describeChosen(folder)}: ${recordsSummary(res.counts)}`;
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
        <>
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
          <div className="row wrap targets">
            {drives.map((d) => (
              <button key={d.id} type="button" disabled={busy || d.readOnly} onClick={() => exportTo({ handle: d.exportFolder, name: d.label, drive: d.label })}>
                Export to {d.label}
              </button>
            ))}
            <ChooseButton
              purpose="export-folder"
              label={drives.length ? 'Choose another folder…' : 'Choose export folder…'}
              className={drives.length ? 'secondary' : ''}
              onChosen={exportTo}
              disabled={busy}
            />
            <button type="button" className="secondary" disabled={busy} onClick={() => void print()}>
              Print record
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <StatusMessage status={status} testId="export-message" />
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Export the record…
        </button>
      )}
    </section>
  );
}
