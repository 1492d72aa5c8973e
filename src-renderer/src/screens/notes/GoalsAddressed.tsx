import { memo, useEffect, useState } from 'react';
import type { SessionHeader } from '../../../../src-shared/contract/notes';
import type { TreatmentPlan } from '../../../../src-shared/contract/plan';
import { listMeasures } from '../../actions/measures';
import { editDraft } from '../../actions/notes';
import { loadPlan } from '../../actions/plan';
import type { Measure } from '../../../../src-shared/contract/measures';
import { RiskPrompt } from '../measures/RiskPrompt';
import '../measures/measures.css';

/**
 * A progress note's link to the treatment plan: the active goals to tick as addressed this
 * session (goals ticked earlier stay listed whatever their status), and the risk prompt of a
 * PHQ-9 linked to this note whose item 9 was above 0.
 */
export const GoalsAddressed = memo(function GoalsAddressed({ noteId, clientId, session, readOnly }: { noteId: string | null; clientId: string; session: SessionHeader; readOnly: boolean }) {
  const [plan, setPlan] = useState<TreatmentPlan | null>(null);
  const [risky, setRisky] = useState<Measure | null>(null);
  useEffect(() => {
    let live = true;
    loadPlan(clientId).then((r) => live && setPlan(r.plan), () => live && setPlan(null));
    listMeasures(clientId).then(
      (ms) => live && setRisky(ms.find((m) => noteId !== null && m.noteId === noteId && m.riskFlag) ?? null),
      () => live && setRisky(null),
    );
    return () => {
      live = false;
    };
  }, [clientId, noteId]);

  const chosen = session.goalIds ?? [];
  const goals = plan?.problems.flatMap((p) => p.goals).filter((g) => g.status === 'active' || chosen.includes(g.id)) ?? [];
  function toggle(goalId: string, on: boolean) {
    const goalIds = on ? [...chosen, goalId] : chosen.filter((g) => g !== goalId);
    const { goalIds: _old, ...rest } = session;
    editDraft({ session: goalIds.length === 0 ? rest : { ...rest, goalIds } });
  }
  return (
    <>
      {risky && <RiskPrompt measure={risky} />}
      {goals.length > 0 && (
        <fieldset className="goals-addressed" disabled={readOnly}>
          <legend>Goals addressed</legend>
          {goals.map((g) => (
            <label key={g.id} className="check">
              <input type="checkbox" checked={chosen.includes(g.id)} onChange={(e) => toggle(g.id, e.target.checked)} />
              {g.text}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
});
