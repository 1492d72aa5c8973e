import type { Measure } from '../../../../src-shared/contract/measures';
import { summarizeTrend, shortDate } from '../../../../src-shared/measures/trend';
import { TableHead } from '../../components/TableHead';
import { pointsOf, type Series } from '../../../../src-shared/measures/series';
import { TrendChart } from './TrendChart';

/** One measure's trend: the text summary, the chart, and the same scores as a table (the chart's accessible alternative). */
export function MeasureTrend({
  series,
  treatmentStart,
  compact = false,
  noteTitle,
  onCorrect,
}: {
  series: Series;
  treatmentStart?: string;
  compact?: boolean;
  noteTitle?: (id: string) => string | undefined;
  /** Offers a correction per row. */
  onCorrect?: (m: Measure) => void;
}) {
  const summary = summarizeTrend(series.spec, pointsOf(series), treatmentStart);
  const first = pointsOf(series)[0];
  const label = series.spec.label;
  const id = `trend-${series.key.replace(/[^a-z0-9]/gi, '-')}${compact ? '-goal' : ''}`;
  return (
    <section className="measure-trend" aria-labelledby={`${id}-heading`}>
      {compact ? <h5 id={`${id}-heading`}>{label} trend</h5> : <h3 id={`${id}-heading`}>{label}</h3>}
      <p className="trend-summary">{summary?.text ?? `No complete ${label} yet.`}</p>
      {summary && <TrendChart series={series} summary={summary} treatmentStart={treatmentStart} height={compact ? 160 : 220} />}
      {!compact && (
        <table className="measure-table" aria-label={`${label} scores`}>
          <TableHead columns={['Date', 'Score', 'Severity', 'Change from first', 'Flags', 'Note']} actions={onCorrect !== undefined} />
          <tbody>
            {series.measures.map((m) => (
              <tr key={m.id}>
                <td>{shortDate(m.date)}</td>
                <td>{m.score ?? '—'}</td>
                <td>{m.band ?? (m.complete ? '—' : 'no total')}</td>
                <td>{m.score !== null && first ? signed(m.score - first.score) : '—'}</td>
                <td>
                  {[m.complete ? '' : `Incomplete (${m.answered} of ${m.items?.length ?? 1} answered)`, m.riskFlag ? 'Risk: item 9 above 0' : '']
                    .filter(Boolean)
                    .join('; ') || '—'}
                </td>
                <td>{m.noteId ? (noteTitle?.(m.noteId) ?? 'Linked note') : '—'}</td>
                {onCorrect && (
                  <td>
                    <button type="button" className="secondary" onClick={() => onCorrect(m)} aria-label={`Correct ${label} of ${shortDate(m.date)}`}>
                      Correct
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
