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
