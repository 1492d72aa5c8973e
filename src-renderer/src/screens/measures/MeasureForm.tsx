import { useState } from 'react';
import type { Measure } from '../../../../src-shared/contract/measures';
import type { Input } from '../../../../src-shared/ipc';
import { INSTRUMENTS, PHQ9_DIFFICULTY, type StandardInstrument } from '../../../../src-shared/measures/instruments';
import { scoreForm, type ItemAnswer } from '../../../../src-shared/measures/scoring';
import { addMeasure, correctMeasure } from '../../actions/measures';
import { todayIso } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp } from '../../store';

type Kind = StandardInstrument | 'custom';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What the form produces, before it says which client (add) or which record (correct). */
type Entry = DistributiveOmit<Input<'measures.add'>, 'clientId'>;

/**
 * Enter a measure given in session or from a paper form, or correct one (`editing`: a new
 * revision, the earlier one kept). Every answer is a native radio group, so the whole form works
 * from the keyboard (Tab between items, arrow keys within one).
 */
export function MeasureForm({ clientId, customNames, editing, onDone }: { clientId: string; customNames: string[]; editing?: Measure; onDone: (saved: Measure | null) => void }) {
  const [kind, setKind] = useState<Kind>(editing?.instrument ?? 'phq9');
  const [date, setDate] = useState(() => editing?.date ?? todayIso());
  const [noteId, setNoteId] = useState(editing?.noteId ?? '');
  const notes = useApp((s) => s.notes).filter((n) => n.clientId === clientId && !n.isPsychotherapy && n.trashedAt === undefined);
  const { status, onSubmit } = useSubmit();
  const [items, setItems] = useState<ItemAnswer[]>(() => (editing?.items as ItemAnswer[] | undefined) ?? blank('phq9'));
  const [difficulty, setDifficulty] = useState<ItemAnswer>((editing?.difficulty ?? null) as ItemAnswer);
  const [custom, setCustom] = useState(() => {
    const c = editing?.custom;
    return c
      ? { name: c.name, min: String(c.min), max: String(c.max), higherIsBetter: c.higherIsBetter, meaningfulChange: c.meaningfulChange === undefined ? '' : String(c.meaningfulChange), score: String(editing?.score ?? '') }
      : { name: '', min: '0', max: '10', higherIsBetter: false, meaningfulChange: '', score: '' };
  });

  function choose(next: Kind) {
    setKind(next);
    if (next !== 'custom') setItems(blank(next));
  }

  const submit = onSubmit(async () => {
    const link = { date, ...(noteId ? { noteId } : {}) };
    // The same entry adds a measure or, with the record's id and revision, corrects it.
    const save = editing ? (e: Entry) => correctMeasure({ ...e, id: editing.id, baseRev: editing.rev }) : (e: Entry) => addMeasure({ ...e, clientId });
    const added =
      kind === 'custom'
        ? await save({
            ...link,
            instrument: 'custom',
            custom: {
              name: custom.name,
              min: Number(custom.min),
              max: Number(custom.max),
              higherIsBetter: custom.higherIsBetter,
              ...(custom.meaningfulChange ? { meaningfulChange: Number(custom.meaningfulChange) } : {}),
            },
            score: custom.score === '' ? Number.NaN : Number(custom.score),
          })
        : kind === 'phq9'
          ? await save({ ...link, instrument: 'phq9', items, ...(difficulty !== null ? { difficulty } : {}) })
          : await save({ ...link, instrument: 'gad7', items });
    onDone(added);
  });

  const def = kind === 'custom' ? null : INSTRUMENTS[kind];
  const score = def ? scoreForm(def.id, items) : null;
  return (
    <form onSubmit={submit} aria-label={editing ? 'Correct measure' : 'Add measure'} className="measure-form">
      <div className="session-grid">
        <div>
          <label htmlFor="measure-kind">Measure</label>
          <select id="measure-kind" value={kind} disabled={editing !== undefined} onChange={(e) => choose(e.target.value as Kind)}>
            <option value="phq9">PHQ-9 (depression)</option>
            <option value="gad7">GAD-7 (anxiety)</option>
            <option value="custom">Custom measure</option>
          </select>
        </div>
        <div>
          <label htmlFor="measure-date">Date given</label>
          <input id="measure-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div>
          <label htmlFor="measure-note">Session note</label>
          <select id="measure-note" value={noteId} onChange={(e) => setNoteId(e.target.value)}>
            <option value="">Not linked to a note</option>
            {notes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.serviceDate} {n.title || 'Untitled'}
              </option>
            ))}
          </select>
        </div>
      </div>
      {def ? (
        <>
          <p className="measure-stem">{def.stem}</p>
          {def.items.map((text, i) => (
            <fieldset key={`${def.id}-${i}`} className="measure-item">
              <legend>
                {i + 1}. {text}
              </legend>
              {def.options.map((label, v) => (
                <label key={label} className="check">
                  <input
                    type="radio"
                    name={`${def.id}-item-${i}`}
                    value={v}
                    checked={items[i] === v}
                    onChange={() => setItems(items.map((old, j) => (j === i ? (v as ItemAnswer) : old)))}
                  />
                  {label} ({v})
                </label>
              ))}
            </fieldset>
          ))}
          {def.id === 'phq9' && (
            <fieldset className="measure-item">
              <legend>{PHQ9_DIFFICULTY.question} (not scored)</legend>
              {PHQ9_DIFFICULTY.options.map((label, v) => (
                <label key={label} className="check">
                  <input type="radio" name="phq9-difficulty" value={v} checked={difficulty === v} onChange={() => setDifficulty(v as ItemAnswer)} />
                  {label}
                </label>
              ))}
            </fieldset>
          )}
          <p className="measure-total" role="status">
            {score?.complete ? `Total ${score.total} (${score.band})` : `Incomplete: ${score?.answered ?? 0} of ${def.items.length} answered, so no total.`}
          </p>
          {score?.riskFlag && (
            <p className="risk-prompt" role="alert">
              Item 9 is above 0: assess suicide risk in this session and record it in the note.
            </p>
          )}
        </>
      ) : (
        <div className="session-grid">
          <div>
            <label htmlFor="custom-name">Name of the measure</label>
            <input id="custom-name" list="custom-names" required value={custom.name} onChange={(e) => setCustom({ ...custom, name: e.target.value })} />
            <datalist id="custom-names">
              {customNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor="custom-min">Lowest score</label>
            <input id="custom-min" type="number" step="any" required value={custom.min} onChange={(e) => setCustom({ ...custom, min: e.target.value })} />
          </div>
          <div>
            <label htmlFor="custom-max">Highest score</label>
            <input id="custom-max" type="number" step="any" required value={custom.max} onChange={(e) => setCustom({ ...custom, max: e.target.value })} />
          </div>
          <div>
            <label htmlFor="custom-direction">Which way is better</label>
            <select id="custom-direction" value={custom.higherIsBetter ? 'higher' : 'lower'} onChange={(e) => setCustom({ ...custom, higherIsBetter: e.target.value === 'higher' })}>
              <option value="lower">Lower is better</option>
              <option value="higher">Higher is better</option>
            </select>
          </div>
          <div>
            <label htmlFor="custom-change">Meaningful change (points, optional)</label>
            <input id="custom-change" type="number" step="any" min={0} value={custom.meaningfulChange} onChange={(e) => setCustom({ ...custom, meaningfulChange: e.target.value })} />
          </div>
          <div>
            <label htmlFor="custom-score">Score</label>
            <input id="custom-score" type="number" step="any" required value={custom.score} onChange={(e) => setCustom({ ...custom, score: e.target.value })} />
          </div>
        </div>
      )}
      <StatusMessage status={status} />
      <div className="row">
        <button type="submit">{editing ? 'Save correction' : `Save ${def ? def.name : 'measure'}`}</button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function blank(instrument: StandardInstrument): ItemAnswer[] {
  return INSTRUMENTS[instrument].items.map(() => null);
}
