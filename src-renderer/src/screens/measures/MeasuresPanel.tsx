import { useState } from 'react';
import type { Measure } from '../../../../src-shared/contract/measures';
import { StatusMessage, type Status } from '../../components/StatusMessage';
import { useApp } from '../../store';
import { MeasureForm } from './MeasureForm';
import { MeasureTrend } from './MeasureTrend';
import { RiskPrompt } from './RiskPrompt';
import { measureLabel, seriesKey, toSeries } from '../../../../src-shared/measures/series';
import './measures.css';

/** A client's measures: a risk prompt when the latest PHQ-9 asks for one, one trend per measure, and the form to add one. */
export function MeasuresPanel({ clientId, measures, treatmentStart, onAdded }: { clientId: string; measures: Measure[] | null; treatmentStart?: string; onAdded: () => void }) {
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<Measure | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const notes = useApp((s) => s.notes);
  const series = toSeries(measures ?? []);
  const latestPhq = [...(measures ?? [])].reverse().find((m) => m.instrument === 'phq9');
  const customNames = series.filter((s) => s.key.startsWith('custom:')).map((s) => s.spec.label);
  return (
    <section className="panel measures" aria-labelledby="measures-heading">
      <h2 id="measures-heading">Measures</h2>
      {latestPhq?.riskFlag && <RiskPrompt measure={latestPhq} />}
      <StatusMessage status={status} />
      {measures === null ? (
        <p className="empty">Loading…</p>
      ) : series.length === 0 ? (
        <p className="empty">No measures yet. Give a PHQ-9 or GAD-7 at intake to see the trend over treatment.</p>
      ) : (
        series.map((s) => (
          <MeasureTrend
            key={s.key}
            series={s}
            treatmentStart={treatmentStart}
            noteTitle={(id) => notes.find((n) => n.id === id)?.title}
            onCorrect={(m) => (setStatus(null), setAdding(false), setCorrecting(m))}
          />
        ))
      )}
      {adding || correcting ? (
        <MeasureForm
          key={correcting?.id ?? 'new'}
          clientId={clientId}
          customNames={customNames}
          {...(correcting ? { editing: correcting } : {})}
          onDone={(saved) => {
            const verb = correcting ? 'corrected' : 'saved';
            setAdding(false);
            setCorrecting(null);
            if (saved) {
              const name = measureLabel(seriesKey(saved));
              setStatus({ ok: true, text: saved.score === null ? `${name} ${verb} as incomplete.` : `${name} ${verb}: ${saved.score}${saved.band ? ` (${saved.band})` : ''}.` });
              onAdded();
            }
          }}
        />
      ) : (
        <button type="button" onClick={() => { setStatus(null); setAdding(true); }}>
          Add measure
        </button>
      )}
    </section>
  );
}
