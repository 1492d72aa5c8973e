import { GOAL_STATUS_LABEL as STATUS, type GoalHit } from '../../../../src-shared/contract/plan';
import { selectClient } from '../../actions/clients';

/** Treatment-plan goals that match the search; each opens the client's record, where the plan is. */
export function GoalHits({ hits }: { hits: GoalHit[] }) {
  if (hits.length === 0) return null;
  return (
    <section aria-labelledby="goal-hits-heading">
      <h2 id="goal-hits-heading">Treatment-plan goals</h2>
      <ol className="search-results" aria-label="Matching goals">
        {hits.map((h) => (
          <li key={h.goalId}>
            <button type="button" className="search-hit" onClick={() => selectClient(h.clientId)}>
              <span className="note-title">{h.goal}</span>
              <span className="note-date">
                {h.clientName} · {STATUS[h.status]} · Problem: {h.problem}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
