import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleTime } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { shortDate, type TrendSummary } from '../../../../src-shared/measures/trend';
import { pointsOf, type Series } from '../../../../src-shared/measures/series';
import { isoDay } from '../../components/format';

/*
 * Drawn with visx (@visx/scale, shape, axis, group: 75 KB minified, 26 KB gzip, with the d3
 * pieces it vendors): React renders every mark as an SVG element in the page, so nothing loads from
 * anywhere, each score is a DOM node a test and a screen reader can reach, and it costs a
 * fraction of a full chart framework (Recharts ~100 KB gzip). The data table beside the chart
 * is the accessible alternative; the SVG is one labelled image.
 */

const WIDTH = 560;
const MARGIN = { top: 22, right: 160, bottom: 36, left: 40 };
/** At most this many dates under the axis, so labels never overlap. */
const MAX_DATE_TICKS = 5;
const DAY = 86_400_000;
/** Lighter to darker: severity, never the only cue (the table names each band). */
const BAND_FILLS = ['#e8f3ea', '#f6f1d8', '#f9e3c8', '#f6d2c4', '#efc0c0'];

function toDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** One measure over time: severity bands shaded, start of treatment marked, each score a point, a meaningful change called out. */
export function TrendChart({ series, summary, treatmentStart, height = 220 }: { series: Series; summary: TrendSummary | null; treatmentStart?: string; height?: number }) {
  const points = pointsOf(series);
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const times = [...points.map((p) => toDate(p.date).getTime()), ...(treatmentStart ? [toDate(treatmentStart).getTime()] : [])];
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  // A single day still needs a width: a week either side.
  const x = scaleTime({ domain: hi > lo ? [new Date(lo), new Date(hi)] : [new Date(lo - 7 * DAY), new Date(hi + 7 * DAY)], range: [0, innerW] });
  const y = scaleLinear({ domain: [series.min, series.max], range: [innerH, 0] });
  const start = treatmentStart ? x(toDate(treatmentStart)) : undefined;
  const latest = points[points.length - 1];
  // The dates scores were taken (thinned evenly), not the scale's own week or month ticks.
  const dates = [...new Set(points.map((p) => p.date))];
  const step = Math.ceil(dates.length / MAX_DATE_TICKS);
  const tickDates = dates.filter((_, i) => i % step === 0 || i === dates.length - 1).map(toDate);
  return (
    <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${series.spec.label} trend chart. ${summary?.text ?? ''}`}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        {series.bands.map((b, i) => {
          const top = y(Math.min(series.max, b.max + 0.5));
          const bottom = y(Math.max(series.min, b.min - 0.5));
          return (
            <g key={b.label} className="trend-band">
              <rect x={0} y={top} width={innerW} height={bottom - top} fill={BAND_FILLS[i] ?? BAND_FILLS[BAND_FILLS.length - 1]} />
              <text x={innerW + 6} y={(top + bottom) / 2} dominantBaseline="middle" fontSize={11} fill="#333">
                {b.label} ({b.min}–{b.max})
              </text>
            </g>
          );
        })}
        {start !== undefined && (
          <g className="trend-start">
            <line x1={start} x2={start} y1={0} y2={innerH} stroke="#1d4f91" strokeDasharray="4 3" />
            <text x={start + 4} y={12} fontSize={11} fill="#1d4f91">
              Start of treatment
            </text>
          </g>
        )}
        <LinePath data={points} x={(p) => x(toDate(p.date))} y={(p) => y(p.score)} stroke="#222" strokeWidth={2} />
        {points.map((p) => (
          <circle key={p.id} className="trend-point" cx={x(toDate(p.date))} cy={y(p.score)} r={5} fill="#222">
            <title>{`${shortDate(p.date)}: ${p.score}${p.band ? ` (${p.band})` : ''}`}</title>
          </circle>
        ))}
        {summary?.meaningful && latest && (
          <text className="trend-callout" x={innerW} y={-8} textAnchor="end" fontSize={12} fontWeight={700} fill="#111">
            {summary.change > 0 ? '+' : '−'}
            {Math.abs(summary.change)} since {shortDate(summary.first.date)}: meaningful {summary.direction === 'improved' ? 'improvement' : 'worsening'}
          </text>
        )}
        <AxisLeft scale={y} numTicks={5} stroke="#555" tickStroke="#555" tickLabelProps={{ fill: '#333', fontSize: 11 }} />
        <AxisBottom
          top={innerH}
          scale={x}
          tickValues={tickDates}
          stroke="#555"
          tickStroke="#555"
          tickFormat={(v) => shortDate(isoDay(v instanceof Date ? v : Number(v)))}
          tickLabelProps={{ fill: '#333', fontSize: 11 }}
        />
      </Group>
    </svg>
  );
}
