import type { Measure } from '../contract/measures';
import { INSTRUMENTS, type Band } from './instruments';
import { standardTrendSpec, type TrendSpec } from './trend';

/** The measures of one instrument (or one custom measure, by name) over time: what one chart shows. */
export interface Series {
  /** 'phq9', 'gad7' or 'custom:<name>' (the key a plan goal names). */
  key: string;
  spec: TrendSpec;
  /** The y range of the chart. */
  min: number;
  max: number;
  bands: readonly Band[];
  /** Oldest first; incomplete forms included (they have no score). */
  measures: Measure[];
}

/** 'phq9' -> 'PHQ-9', 'custom:SUDS' -> 'SUDS'. */
export function measureLabel(key: string): string {
  return key === 'phq9' || key === 'gad7' ? INSTRUMENTS[key].name : key.replace(/^custom:/, '');
}

export function seriesKey(m: Measure): string {
  return m.instrument === 'custom' ? `custom:${m.custom?.name ?? ''}` : m.instrument;
}

/** Groups a client's measures (oldest first) into one series per instrument or custom name, PHQ-9 and GAD-7 first. */
export function toSeries(measures: readonly Measure[]): Series[] {
  const byKey = new Map<string, Series>();
  for (const m of measures) {
    const key = seriesKey(m);
    let s = byKey.get(key);
    if (!s) {
      s = m.instrument === 'custom' && m.custom
        ? {
            key,
            spec: { label: m.custom.name, higherIsBetter: m.custom.higherIsBetter, meaningfulChange: m.custom.meaningfulChange ?? null },
            min: m.custom.min,
            max: m.custom.max,
            bands: [],
            measures: [],
          }
        : standardSeries(m.instrument === 'gad7' ? 'gad7' : 'phq9');
      byKey.set(key, s);
    }
    s.measures.push(m);
  }
  const order = (k: string) => (k === 'phq9' ? 0 : k === 'gad7' ? 1 : 2);
  return [...byKey.values()].sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
}

function standardSeries(instrument: 'phq9' | 'gad7'): Series {
  const def = INSTRUMENTS[instrument];
  return { key: instrument, spec: standardTrendSpec(instrument), min: 0, max: def.maxTotal, bands: def.bands, measures: [] };
}

/** The scored points of a series, for the trend summary and the chart. */
export function pointsOf(s: Series): { id: string; date: string; score: number; band: string | null }[] {
  return s.measures.flatMap((m) => (m.score === null ? [] : [{ id: m.id, date: m.date, score: m.score, band: m.band }]));
}
