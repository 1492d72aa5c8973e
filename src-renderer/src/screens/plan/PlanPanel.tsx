import { useCallback, useEffect, useState } from 'react';
import { GOAL_STATUS_LABEL as STATUS_LABEL, type GoalNote, type TreatmentPlan } from '../../../../src-shared/contract/plan';
import { shortDate } from '../../../../src-shared/measures/trend';
import { focusNoteTitle, openNote } from '../../actions/notes';
import { loadPlan, planHistory } from '../../actions/plan';
import { isoDay } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp } from '../../store';
import { MeasureTrend } from '../measures/MeasureTrend';
import type { Series } from '../../../../src-shared/measures/series';
import { PlanEditor } from './PlanEditor';
import '../measures/measures.css';

/** The client's treatment plan: problems, goals with their status, the notes that addressed each goal and its measure's trend; edit; history. */
export function PlanPanel({ clientId, series, treatmentStart }: { clientId: string; series: Series[]; treatmentStart?: string }) {
  const [loaded, setLoaded] = useState<{ plan: TreatmentPlan | null; notesByGoal: Record<string, GoalNote[]> } | null>(null);
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<TreatmentPlan[] | null>(null);
  const { status, run } = useSubmit();
  const reload = useCallback(async () => {
    setLoaded(await loadPlan(clientId));
    setHistory(null);
  }, [clientId]);
  useEffect(() => {
    void run(reload);
  }, [run, reload]);

  async function open(id: string) {
    await openNote(id);
    useApp.setState({ view: 'notes' });
    focusNoteTitle();
  }

  const plan = loaded?.plan ?? null;
  return (
    <section className="panel plan" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Treatment plan</h2>
      <StatusMessage status={status} />
      {loaded === null ? (
        <p className="empty">Loading…</p>
      ) : editing ? (
        <PlanEditor
          clientId={clientId}
          plan={plan}
          series={series}
          onDone={(saved) => {
            setEditing(false);
            if (saved) void run(async () => { await reload(); return 'Plan saved.'; });
          }}
        />
      ) : (
        <>
          {plan === null ? (
            <p className="empty">No treatment plan yet.</p>
          ) : (
            <>
              <p className="hint">
                Version {plan.rev}, last changed {shortDate(isoDay(plan.updatedAt))}.
              </p>
              {plan.problems.map((p, pi) => (
                <div key={p.id} className="plan-problem">
                  <h3>
                    Problem {pi + 1}: {p.text}
                  </h3>
                  {p.goals.map((g, gi) => {
                    const notes = loaded.notesByGoal[g.id] ?? [];
                    const trend = g.measure ? series.find((s) => s.key === g.measure) : undefined;
                    return (
                      <article key={g.id} className="plan-goal" aria-labelledby={`goal-${g.id}`}>
                        <h4 id={`goal-${g.id}`}>
                          Goal {pi + 1}.{gi + 1}: {g.text}
                        </h4>
                        <p className="hint">
                          {STATUS_LABEL[g.status]}
                          {g.targetDate ? ` · target ${shortDate(g.targetDate)}` : ''}
                        </p>
                        {g.objectives.length > 0 && (
                          <ul aria-label={`Objectives of goal ${pi + 1}.${gi + 1}`}>
                            {g.objectives.map((o) => (
                              <li key={o.id}>
                                {o.text} ({STATUS_LABEL[o.status].toLowerCase()}
                                {o.targetDate ? `, target ${shortDate(o.targetDate)}` : ''})
                              </li>
                            ))}
                          </ul>
                        )}
                        {trend && <MeasureTrend series={trend} treatmentStart={treatmentStart} compact />}
                        <h5>Notes that addressed this goal</h5>
                        {notes.length === 0 ? (
                          <p className="empty">None yet.</p>
                        ) : (
                          <ul aria-label={`Notes that addressed goal ${pi + 1}.${gi + 1}`}>
                            {notes.map((n) => (
                              <li key={n.noteId}>
                                <button type="button" className="link" onClick={() => void open(n.noteId)}>
                                  {shortDate(n.serviceDate)}: {n.title || 'Untitled'}
                                </button>
                                {n.signed ? ' (signed)' : ''}
                              </li>
                            ))}
                          </ul>
                        )}
                      </article>
                    );
                  })}
                </div>
              ))}
            </>
          )}
          <div className="row">
            <button type="button" onClick={() => setEditing(true)}>
              {plan ? 'Edit plan' : 'Start treatment plan'}
            </button>
            {plan && plan.rev > 1 && history === null && (
              <button type="button" className="secondary" onClick={() => void run(async () => setHistory(await planHistory(clientId)))}>
                Show earlier versions
              </button>
            )}
          </div>
          {history && <PlanHistory history={history} />}
        </>
      )}
    </section>
  );
}

function PlanHistory({ history }: { history: TreatmentPlan[] }) {
  return (
    <section aria-labelledby="plan-history-heading">
      <h3 id="plan-history-heading">Earlier versions</h3>
      <ol>
        {history.slice(0, -1).map((v) => (
          <li key={v.rev}>
            Version {v.rev}, {shortDate(isoDay(v.updatedAt))}:{' '}
            {v.problems.flatMap((p) => p.goals.map((g) => `${g.text} (${STATUS_LABEL[g.status].toLowerCase()})`)).join('; ') || 'no goals'}
          </li>
        ))}
      </ol>
    </section>
  );
}
