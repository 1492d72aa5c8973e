import { useState } from 'react';
import type { AuditFilter } from '../../../../src-shared/contract/audit';
import { exportAudit } from '../../actions/audit';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { fileName, plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** The entries shown, for an auditor: CSV for a spreadsheet, PDF to read or print. */
export function AuditExport({ filter, onExported }: { filter: AuditFilter; onExported: () => void }) {
  const [format, setFormat] = useState<'pdf' | 'csv'>('pdf');
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const { busy, status, onSubmit } = useSubmit();
  const submit = onSubmit(async () => {
    if (!folder) return;
    const res = await exportAudit(format, folder.handle, filter);
    onExported();
    return `Saved ${fileName(res.path)} in that folder (${plural(res.entries, 'entry', 'entries')}). The export is recorded in the trail.`;
  });
  return (
    <section className="panel" aria-labelledby="audit-export-heading">
      <h2 id="audit-export-heading">Export for an auditor</h2>
      <form onSubmit={submit}>
        <fieldset className="choice">
          <legend>Format (the entries the filters above show)</legend>
          <label>
            <input type="radio" name="audit-format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} />
            PDF, with the result of the chain check
          </label>
          <label>
            <input type="radio" name="audit-format" checked={format === 'csv'} onChange={() => setFormat('csv')} />
            CSV, for a spreadsheet
          </label>
        </fieldset>
        <FileChoice purpose="export-folder" label="Folder to save the trail in" chooseLabel="Choose folder…" chosen={folder} onChosen={setFolder} />
        <StatusMessage status={status} />
        <button type="submit" disabled={busy || !folder}>
          Export audit trail
        </button>
      </form>
    </section>
  );
}
