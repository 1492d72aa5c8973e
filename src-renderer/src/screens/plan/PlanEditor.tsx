import { useState } from 'react';
import { GOAL_STATUS_LABEL as STATUS_LABEL, GOAL_STATUSES, type TreatmentPlan } from '../../../../src-shared/contract/plan';
import type { Input } from '../../../../src-shared/ipc';
import { savePlan } from '../../actions/plan';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import type { Series } from '../../../../src-shared/measures/series';

type Problems = Input<'plan.save'>['problems'];
type Status = (typeof GOAL_STATUSES)[number];

/** Edits the whole plan; saving makes a new revision (the old one stays in the history). */
export function PlanEditor({ clientId, plan, series, onDone }: { clientId: string; plan: TreatmentPlan | null; series: Series[]; onDone: (saved: boolean) => void }) {
  const [problems, setProblems] = useState<Problems>(() => structuredClone(plan?.problems ?? [{ text: '', goals: [{ text: '', status: 'active', objectives: [] }] }]));
  const { status, onSubmit } = useSubmit();
  const measureChoices = [{ key: 'phq9', label: 'PHQ-9' }, { key: 'gad7', label: 'GAD-7' }, ...series.filter((s) => s.key.startsWith('custom:')).map((s) => ({ key: s.key, label: s.spec.label }))];

  const update = (fn: (draft: Problems) => void) =>
    setProblems((old) => {
      const next = structuredClone(old);
      fn(next);
      return next;
    });

  const submit = onSubmit(async () => {
    await savePlan({ clientId, baseRev: plan?.rev ?? null, problems });
    onDone(true);
  });

  return (
    <form onSubmit={submit} aria-label="Edit treatment plan" className="plan-editor">
      {problems.map((p, pi) => (
        <fieldset key={p.id ?? `new-${pi}`}>
          <legend>Problem {pi + 1}</legend>
          <label htmlFor={`problem-${pi}`}>Problem {pi + 1}</label>
          <textarea id={`problem-${pi}`} rows={2} required value={p.text} onChange={(e) => update((d) => void (d[pi]!.text = e.target.value))} />
          {(p.goals ?? []).map((g, gi) => {
            const gid = `goal-${pi}-${gi}`;
            return (
              <fieldset key={g.id ?? `new-${gi}`}>
                <legend>
                  Goal {pi + 1}.{gi + 1}
                </legend>
                <label htmlFor={gid}>Goal {pi + 1}.{gi + 1} (measurable)</label>
                <textarea id={gid} rows={2} required value={g.text} onChange={(e) => update((d) => void (d[pi]!.goals![gi]!.text = e.target.value))} />
                <div className="session-grid">
                  <div>
                    <label htmlFor={`${gid}-target`}>Target date</label>
                    <input id={`${gid}-target`} type="date" value={g.targetDate ?? ''} onChange={(e) => update((d) => setOptional(d[pi]!.goals![gi]!, 'targetDate', e.target.value))} />
                  </div>
                  <div>
                    <label htmlFor={`${gid}-status`}>Status</label>
                    <StatusSelect id={`${gid}-status`} value={g.status} onChange={(s) => update((d) => void (d[pi]!.goals![gi]!.status = s))} />
                  </div>
                  <div>
                    <label htmlFor={`${gid}-measure`}>Measured by</label>
                    <select id={`${gid}-measure`} value={g.measure ?? ''} onChange={(e) => update((d) => setOptional(d[pi]!.goals![gi]!, 'measure', e.target.value))}>
                      <option value="">No measure</option>
                      {measureChoices.map((m) => (
                        <option key={m.key} value={m.key}>
                          {m.label}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                {(g.objectives ?? []).map((o, oi) => {
                  const oid = `${gid}-objective-${oi}`;
                  return (
                    <div key={o.id ?? `new-${oi}`} className="session-grid">
                      <div>
                        <label htmlFor={oid}>Objective {pi + 1}.{gi + 1}.{oi + 1}</label>
                        <input id={oid} required value={o.text} onChange={(e) => update((d) => void (d[pi]!.goals![gi]!.objectives![oi]!.text = e.target.value))} />
                      </div>
                      <div>
                        <label htmlFor={`${oid}-target`}>Target date</label>
                        <input id={`${oid}-target`} type="date" value={o.targetDate ?? ''} onChange={(e) => update((d) => setOptional(d[pi]!.goals![gi]!.objectives![oi]!, 'targetDate', e.target.value))} />
                      </div>
                      <div>
                        <label htmlFor={`${oid}-status`}>Status</label>
                        <StatusSelect id={`${oid}-status`} value={o.status} onChange={(s) => update((d) => void (d[pi]!.goals![gi]!.objectives![oi]!.status = s))} />
                      </div>
                    </div>
                  );
                })}
                <button type="button" className="secondary" onClick={() => update((d) => void (d[pi]!.goals![gi]!.objectives ??= []).push({ text: '', status: 'active' }))}>
                  Add objective to goal {pi + 1}.{gi + 1}
                </button>
              </fieldset>
            );
          })}
          <button type="button" className="secondary" onClick={() => update((d) => void (d[pi]!.goals ??= []).push({ text: '', status: 'active', objectives: [] }))}>
            Add goal to problem {pi + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => update((d) => void d.push({ text: '', goals: [] }))}>
        Add problem
      </button>
      <p className="hint">Goals are not deleted: mark one met, revised or discontinued. Every save is kept in the plan's history.</p>
      <StatusMessage status={status} />
      <div className="row">
        <button type="submit">Save plan</button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function StatusSelect({ id, value, onChange }: { id: string; value: Status; onChange: (s: Status) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Status)}>
      {GOAL_STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABEL[s]}
        </option>
      ))}
    </select>
  );
}

/** Empty means "not given": the key is dropped, never sent as ''. */
function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: string): void {
  if (value === '') delete target[key];
  else (target as Record<K, unknown>)[key] = value;
}
