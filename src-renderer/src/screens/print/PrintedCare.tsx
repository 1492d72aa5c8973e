import { careIsEmpty, type CareText } from '../../../../src-shared/measures/care-text';
import { PrintTable } from './PrintFacts';

/** The measures and treatment plan of a printed records-request copy (the same words as the PDF and HTML). */
export function PrintedCare({ care }: { care: CareText }) {
  if (careIsEmpty(care)) return null;
  return (
    <section className="print-page">
      <h2>Measures</h2>
      {care.measures.length === 0 && <p>No measures are recorded for this client in these dates.</p>}
      {care.measures.map((m) => (
        <div key={m.title}>
          <h3>{m.title}</h3>
          <p>{m.summary}</p>
          <PrintTable columns={m.columns} rows={m.rows} />
        </div>
      ))}
      <h2>Treatment plan</h2>
      {care.plan === null ? (
        <p>No treatment plan is recorded for this client.</p>
      ) : (
        <>
          <p>{care.plan.version}</p>
          {care.plan.problems.map((p) => (
            <div key={p.heading}>
              <h3>{p.heading}</h3>
              {p.goals.map((g) => (
                <div key={g.heading}>
                  <h4>{g.heading}</h4>
                  <ul>
                    {g.facts.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                  {g.objectives.length > 0 && (
                    <>
                      <p>Objectives:</p>
                      <ul>
                        {g.objectives.map((o) => (
                          <li key={o}>{o}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  <p>Notes that addressed this goal:{g.notes.length ? '' : ' none in this copy.'}</p>
                  {g.notes.length > 0 && (
                    <ul>
                      {g.notes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
