/** One line of the results table: a measured value beside its baseline from the same run. */
export interface Row {
  measure: string;
  /** What the app did, e.g. "p50 3.1 ms / p99 4.8 ms". */
  app: string;
  /** The baseline beside it, or "—" for an absolute target. */
  baseline: string;
  /** app ÷ baseline, when there is a baseline. */
  ratio: number | null;
  target: string;
  /** null when the measure could not run. */
  met: boolean | null;
}

export interface MeasureResult {
  rows: Row[];
  /** Raw numbers for bench/results.json. */
  raw: Record<string, unknown>;
}

/** The target for this scale (goals are set at scales 1 and 2), or null: reported only. */
export function targetAt(scale: number, targets: Partial<Record<1 | 2, number>>): number | null {
  return scale === 1 || scale === 2 ? (targets[scale] ?? null) : null;
}

export const ms = (n: number): string => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(n >= 10 ? 1 : 2)} ms`);

/** A Markdown table with padded columns, so the same text prints to the terminal and pastes into bench/README.md. */
export function markdown(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** The results of one scale as a table. */
export function markdownTable(rows: Row[]): string {
  return markdown(
    ['Measure', 'App', 'Baseline (same run)', 'Ratio', 'Target', 'Met'],
    rows.map((r) => [
      r.measure,
      r.app,
      r.baseline,
      r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
      r.target,
      r.met === null ? 'n/a' : r.met ? 'yes' : '**NO**',
    ]),
  );
}
