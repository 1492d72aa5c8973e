import type { Note } from '../../../../src-shared/contract/notes';
import { addendumLine } from '../../../../src-shared/document-text';
import { noteFacts, noteHeading, noteSections, noteSignature, PSYCHOTHERAPY_MARK, UNSIGNED_DRAFT_NOTICE } from '../../../../src-shared/records-text';
import { PrintFacts } from './PrintFacts';

/** One note as paper shows it: the same words as its PDF. A draft's notice repeats on every printed page (table header). */
export function PrintedNote({ note, markPsychotherapy = false }: { note: Note; markPsychotherapy?: boolean }) {
  const body = (
    <>
      {markPsychotherapy && note.isPsychotherapy && <p className="print-mark">{PSYCHOTHERAPY_MARK}</p>}
      <h2>{noteHeading(note)}</h2>
      <PrintFacts facts={noteFacts(note)} />
      {noteSections(note).map((s) => (
        <div key={s.label}>
          <h3>{s.label}</h3>
          <p className="print-typed">{s.text}</p>
        </div>
      ))}
      <p className="print-status">{noteSignature(note)}</p>
      {note.addenda.length > 0 && <h3>Addenda</h3>}
      {note.addenda.map((a) => (
        <div key={a.id}>
          <p className="print-status">{addendumLine(a, note.templateId)}</p>
          <p className="print-typed">{a.text}</p>
        </div>
      ))}
    </>
  );
  if (note.signed) return <section className="print-note">{body}</section>;
  return (
    <table className="print-note print-draft">
      <thead>
        <tr>
          <th className="print-mark">{UNSIGNED_DRAFT_NOTICE}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{body}</td>
        </tr>
      </tbody>
    </table>
  );
}
