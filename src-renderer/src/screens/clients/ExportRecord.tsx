import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { exportClientRecord } from '../../actions/export';
import { describeChosen } from '../../actions/files';
import { ChooseButton } from '../../components/ChooseButton';
import { fileName, plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useDrives } from '../../components/useDrives';
import { useSubmit } from '../../components/useSubmit';

/**
 * Records request (HIPAA §164.524): a printable copy of the client's record, psychotherapy notes
 * excluded. Saved in one click to a plugged-in drive, or to a folder chosen in the OS dialog, which
 * opens on the drive, else in Documents.
 */
export function ExportRecord({ clientId }: { clientId: string }) {
  const { drives } = useDrives();
  const [open, setOpen] = useState(false);
  const { busy, status, run } = useSubmit();

  const exportTo = (folder: ChosenPlace) =>
    void run(async () => {
      const res = await exportClientRecord(clientId, folder.handle);
      return `Exported ${plural(res.notes, 'note')} to ${describeChosen(folder)} as ${fileName(res.path)}. Open it in a browser to print or save as PDF.${res.excludedPsychotherapy ? ' Psychotherapy notes were left out, as the law allows.' : ''}`;
    });

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Records request</h2>
      <p>A printable copy of this client's record, without psychotherapy notes. Each export is logged in the audit trail.</p>
      {open ? (
        <>
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
