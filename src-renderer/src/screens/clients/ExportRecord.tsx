import { useState, type FormEvent } from 'react';
import { plural } from '../../components/format';
import { api, call, errorMessage } from '../../vault';

/** Records request (HIPAA §164.524): a printable copy of the client's record, psychotherapy notes excluded. */
export function ExportRecord({ clientId }: { clientId: string }) {
  const [dir, setDir] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await call(api().export.client({ clientId, format: 'html', dir: dir.trim() }));
      setMessage({
        ok: true,
        text: `Exported ${plural(res.counts.notes, 'note')} to ${res.path}. Open it in a browser to print or save as PDF.${res.counts.psychotherapy ? ' Psychotherapy notes were left out, as the law allows.' : ''}`,
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
        <label htmlFor="export-dir">Folder to write the export to (full path)</label>
        <input id="export-dir" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} />
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'} data-testid="export-message">
            {message.text}
          </p>
        )}
        <button type="submit" disabled={busy || !dir.trim()}>
          Export record
        </button>
      </form>
    </section>
  );
}
