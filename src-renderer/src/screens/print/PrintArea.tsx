import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useApp } from '../../store';
import { PrintedNote } from './PrintedNote';
import { PrintedRecord } from './PrintedRecord';

/**
 * What the printer gets: laid out outside the app (hidden on screen, alone on paper) while a
 * print job is on its way, gone as soon as the dialog closes.
 */
export function PrintArea() {
  const job = useApp((s) => s.printJob);
  useEffect(() => {
    document.body.classList.toggle('printing', job !== null);
    return () => document.body.classList.remove('printing');
  }, [job]);
  if (!job) return null;
  return createPortal(
    <div className="print-area">
      {job.kind === 'note' ? (
        <>
          {job.note.clientName && <p className="print-running">Client: {job.note.clientName}</p>}
          <PrintedNote note={job.note} markPsychotherapy />
        </>
      ) : (
        <PrintedRecord doc={job.doc} />
      )}
    </div>,
    document.body,
  );
}
