import type { RecordsDocument } from '../../../../src-shared/contract/export';
import { clientIdentifier, consentRows, coverText } from '../../../../src-shared/records-text';
import { PrintedCare } from './PrintedCare';
import { PrintedNote } from './PrintedNote';
import { PrintFacts, PrintTable } from './PrintFacts';

/** A records-request copy on paper: the cover (what is included, what is left out and why), consents, measures and plan, each note on its own page. */
export function PrintedRecord({ doc }: { doc: RecordsDocument }) {
  const cover = coverText(doc);
  return (
    <>
      <p className="print-running">{clientIdentifier(doc.client)}</p>
      <section className="print-cover">
        <h1>{cover.title}</h1>
        <PrintFacts facts={cover.facts} />
        <h2>What this copy includes</h2>
        <ul>
          {cover.includes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h2>What is left out, and why</h2>
        <ul>
          {cover.leftOut.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {doc.client.notes.trim() && (
          <>
            <h2>Client details</h2>
            <p className="print-typed">{doc.client.notes}</p>
          </>
        )}
      </section>
      <section className="print-page">
        <h2>Consents</h2>
        {doc.consents.length === 0 ? (
          <p>No consent is recorded for this client.</p>
        ) : (
          <PrintTable columns={['Consent', 'Given', 'Status', 'Form or summary']} rows={consentRows(doc.consents)} />
        )}
      </section>
      <PrintedCare care={doc.care} />
      {doc.notes.map((note) => (
        <div key={note.id} className="print-page">
          <PrintedNote note={note} />
        </div>
      ))}
    </>
  );
}
