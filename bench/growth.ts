import { markdown } from './report';
import { round } from './stats';

/** One figure followed across scales, read from each scale's raw results. */
interface Tracked {
  label: string;
  unit: string;
  pick: (raw: Record<string, unknown>) => number | undefined;
  /** The limit on its growth exponent: ~1 = no faster than the notes; "flat" measures get less. */
  maxExponent: number;
}

const at = (raw: Record<string, unknown>, ...keys: string[]): number | undefined => {
  let v: unknown = raw;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (Array.isArray(v)) v = [...(v as number[])].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return typeof v === 'number' ? v : undefined;
};

/** "Flat" is read as growing at most with the 5th root of the notes: ×1.3 from 10 to 40 years. */
const FLAT = 0.2;
/** "No faster than the notes", allowing for the noise of a fit over four points (a straight line fits at 0.97–1.03). */
const LINEAR = 1.1;

export const TRACKED: Tracked[] = [
  { label: 'Encrypted save p50', unit: 'ms', pick: (r) => at(r, 'save', 'appMs', 'p50'), maxExponent: FLAT },
  { label: 'Search p95', unit: 'ms', pick: (r) => at(r, 'search', 'appMs', 'p95'), maxExponent: FLAT },
  { label: 'Unlock from the cache', unit: 'ms', pick: (r) => at(r, 'unlock', 'medianReadyMs'), maxExponent: LINEAR },
  { label: 'Unlock without the cache', unit: 'ms', pick: (r) => at(r, 'unlock', 'withoutCacheReadyMs'), maxExponent: LINEAR },
  { label: 'Lock that seals the cache', unit: 'ms', pick: (r) => at(r, 'unlock', 'sealingLockMs'), maxExponent: LINEAR },
  { label: 'RSS unlocked', unit: 'MB', pick: (r) => at(r, 'memory', 'unlockedRssMB'), maxExponent: LINEAR },
  {
    label: 'RSS added by unlocking',
    unit: 'MB',
    pick: (r) => {
      const [on, off] = [at(r, 'memory', 'unlockedRssMB'), at(r, 'memory', 'lockedRssMB')];
      return on === undefined || off === undefined ? undefined : on - off;
    },
    maxExponent: LINEAR,
  },
  { label: 'Backup create + verify', unit: 'ms', pick: (r) => at(r, 'backup', 'createMs'), maxExponent: LINEAR },
  { label: 'Backup restore', unit: 'ms', pick: (r) => at(r, 'backup', 'restoreMs'), maxExponent: LINEAR },
  { label: 'vault.db size', unit: 'MB', pick: (r) => { const b = at(r, 'practice', 'vaultDbBytes'); return b === undefined ? undefined : b / 1e6; }, maxExponent: LINEAR },
];

/**
 * Least-squares slope of log(value) over log(notes): 1 grows like the note count, 0 stays
 * flat. Over the scales run (e.g. 0.25, 1, 2, 4: 3,000 to 50,000 notes).
 */
export function growthExponent(points: { notes: number; value: number }[]): number | null {
  const ok = points.filter((p) => p.notes > 0 && p.value > 0);
  if (ok.length < 2) return null;
  const xs = ok.map((p) => Math.log(p.notes));
  const ys = ok.map((p) => Math.log(p.value));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? null : xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
}

export interface ScaleRun {
  scale: number;
  notes: number;
  raw: Record<string, unknown>;
}

/** The growth table: each tracked figure at every scale run, its exponent, and whether it stays within its limit. */
export function growthTable(runs: ScaleRun[]): { markdown: string; rows: Record<string, unknown>[] } {
  const header = ['Measure', ...runs.map((r) => `scale ${r.scale} (${r.notes.toLocaleString('en-US')} notes)`), 'Growth exponent', 'Limit', 'Met'];
  const rows: Record<string, unknown>[] = [];
  const body = TRACKED.map((t) => {
    const values = runs.map((r) => t.pick(r.raw));
    const exponent = growthExponent(runs.flatMap((r, i) => (values[i] === undefined ? [] : [{ notes: r.notes, value: values[i]! }])));
    const met = exponent === null ? null : exponent <= t.maxExponent;
    rows.push({ measure: t.label, unit: t.unit, values: values.map((v) => (v === undefined ? null : round(v))), exponent: exponent === null ? null : round(exponent), maxExponent: t.maxExponent, met });
    return [
      `${t.label} (${t.unit})`,
      ...values.map((v) => (v === undefined ? '—' : String(round(v, v >= 100 ? 0 : 1)))),
      exponent === null ? '—' : exponent.toFixed(2),
      t.maxExponent === LINEAR ? `≤ ${LINEAR} (the notes)` : `≤ ${t.maxExponent} (flat)`,
      met === null ? 'n/a' : met ? 'yes' : '**NO**',
    ];
  });
  return { markdown: markdown(header, body), rows };
}
