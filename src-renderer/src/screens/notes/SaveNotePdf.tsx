import { useState } from 'react';
import { exportNotePdf } from '../../actions/export';
import { FolderField } from '../../components/FolderField';
import { fileName } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** The open note as a PDF in a folder the clinician names (recorded in the audit trail). */
export function SaveNotePdf({ noteId }: { noteId: string }) {
  const [dir, setDir] = useState('');
  const { busy, status, onSubmit } = useSubmit();
  const submit = onSubmit(async () => `Saved ${fileName((await exportNotePdf(noteId, dir.trim())).path)} in that folder.`);
  return (
    <form className="save-pdf" onSubmit={submit} aria-label="Save note as PDF">
      <FolderField id="note-pdf-dir" value={dir} onChange={setDir} />
      <StatusMessage status={status} />
      <button type="submit" disabled={busy || !dir.trim()}>
        Save PDF
      </button>
    </form>
  );
}
