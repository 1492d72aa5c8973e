import { useState, type FormEvent } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { plural } from '../../components/format';
import { api, call, errorMessage } from '../../vault';

/** Records request (HIPAA §164.524): a printable copy of the client's record, psychotherapy notes excluded. */
export function ExportRecord({ clientId }: { clientId: string }) {
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!folder) return;
    setBusy(true);
    try {
      const res = await call(api().export.client({ clientId, format: 'html', folder: folder.handle }));
      setMessage({
        ok: true,
        text: `Exported ${plural(res.notes, 'note')} to ${res.path}. Open it in a browser to print or save as PDF.${res.excludedPsychotherapy ? ' Psychotherapy notes were left out, as the law allows.' : ''}`,
      });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Records request</h2>
      <p>Writes this client's record (without psychotherapy notes) as a printable file. The export is logged in the audit trail.</p>
      <form onSubmit={submit}>
        <FileChoice purpose="export-folder" label="Folder to write the export to" chooseLabel="Choose export folder…" chosen={folder} onChosen={setFolder} />
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'} data-testid="export-message">
            {message.text}
          </p>
        )}
        <button type="submit" disabled={busy || !folder}>
          Export record
        </button>
      </form>
    </section>
  );
}
