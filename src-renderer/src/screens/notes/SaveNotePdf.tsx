import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { exportNotePdf } from '../../actions/export';
import { FileChoice } from '../../components/FileChoice';
import { fileName } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** The open note as a PDF in a folder the clinician chooses (recorded in the audit trail). */
export function SaveNotePdf({ noteId }: { noteId: string }) {
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const { busy, status, onSubmit } = useSubmit();
  const submit = onSubmit(async () => (folder ? `Saved ${fileName((await exportNotePdf(noteId, folder.handle)).path)} in that folder.` : undefined));
  return (
    <form className="save-pdf" onSubmit={submit} aria-label="Save note as PDF">
      <FileChoice purpose="export-folder" label="Folder to save the PDF in" chooseLabel="Choose folder…" chosen={folder} onChosen={setFolder} />
      <StatusMessage status={status} />
      <button type="submit" disabled={busy || !folder}>
        Save PDF
      </button>
    </form>
  );
}
