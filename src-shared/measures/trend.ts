import { INSTRUMENTS, type StandardInstrument } from './instruments';

/** How a series of scores is read: its name, which way is better, and what change counts. */
export interface TrendSpec {
  label: string;
  higherIsBetter: boolean;
  /** The smallest change in points called clinically meaningful; null when none is defined. */
  meaningfulChange: number | null;
}

export interface TrendPoint {
  date: string;
  score: number;
}

export interface TrendSummary {
  first: TrendPoint;
  latest: TrendPoint;
  /** latest - first */
  change: number;
  direction: 'improved' | 'worsened' | 'unchanged';
  meaningful: boolean;
  /** "PHQ-9 down from 18 to 9 since intake, 8 Jan 2026: a clinically meaningful improvement (5 points or more)." */
  text: string;
}

export function standardTrendSpec(instrument: StandardInstrument): TrendSpec {
  const def = INSTRUMENTS[instrument];
  return { label: def.name, higherIsBetter: false, meaningfulChange: def.meaningfulChange };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-01-08' -> '8 Jan 2026' (the same in every locale, so the UI, the export and the tests agree). */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? '?'} ${y}`;
}

/**
 * Compares the latest score with the first. `treatmentStart` (the intake date) names the
 * baseline "intake" when the first score was taken on or before it. Null for an empty series.
 */
export function summarizeTrend(spec: TrendSpec, points: readonly TrendPoint[], treatmentStart?: string): TrendSummary | null {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0];
  const latest = sorted[sorted.length - 1];
  if (!first || !latest) return null;
  const change = latest.score - first.score;
  const better = spec.higherIsBetter ? change > 0 : change < 0;
  const direction = change === 0 ? 'unchanged' : better ? 'improved' : 'worsened';
  const meaningful = spec.meaningfulChange !== null && change !== 0 && Math.abs(change) >= spec.meaningfulChange;
  const since = treatmentStart !== undefined && first.date <= treatmentStart ? `since intake, ${shortDate(first.date)}` : `since ${shortDate(first.date)}`;
  let text: string;
  if (sorted.length === 1) text = `${spec.label} ${fmt(first.score)} on ${shortDate(first.date)}; one score so far.`;
  else if (change === 0) text = `${spec.label} unchanged at ${fmt(latest.score)} ${since}.`;
  else text = `${spec.label} ${change < 0 ? 'down' : 'up'} from ${fmt(first.score)} to ${fmt(latest.score)} ${since}`;
  if (sorted.length > 1 && change !== 0) {
    text += meaningful
      ? `: a clinically meaningful ${direction === 'improved' ? 'improvement' : 'worsening'} (${fmt(spec.meaningfulChange ?? 0)} points or more).`
      : '.';
  }
  return { first, latest, change, direction, meaningful, text };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
