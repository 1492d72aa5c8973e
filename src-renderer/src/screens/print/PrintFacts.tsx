import type { Fact } from '../../../../src-shared/records-text';

/** Label/value rows on paper (a session header, a cover page). */
export function PrintFacts({ facts }: { facts: Fact[] }) {
  return (
    <table className="print-facts">
      <tbody>
        {facts.map(([label, value], i) => (
          <tr key={i}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table on paper with a header row (consents, a measure's scores): the same rows the PDF prints. */
export function PrintTable({ columns, rows }: { columns: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <table className="print-facts">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
