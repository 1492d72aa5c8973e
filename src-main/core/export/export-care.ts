import type { CareText } from '../../../src-shared/measures/care-text';
import { careTextOf } from '../../../src-shared/measures/care-text';
import type { UnlockedSession } from '../vault/unlocked-session';
import { escapeHtml as e } from './export-html';

/** A client's measures and treatment plan, as the records-request copy words them. */
export function careOf(s: UnlockedSession, clientId: string, treatmentStart: string | undefined): CareText {
  const measures = s.measures.list(clientId);
  const { plan, notesByGoal } = s.plans.get(clientId);
  return careTextOf(measures, plan, notesByGoal, treatmentStart ?? measures[0]?.date);
}

/** The measures and treatment-plan sections of the HTML copy. */
export function renderCare(care: CareText): string {
  const list = (items: string[]) => (items.length ? `<ul>\n${items.map((i) => `<li>${e(i)}</li>`).join('\n')}\n</ul>` : '');
  const measures = care.measures.length
    ? care.measures
        .map(
          (m) => `<h3>${e(m.title)}</h3>
<p>${e(m.summary)}</p>
<table class="meta">
<tr>${m.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr>
${m.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')}
</table>`,
        )
        .join('\n')
    : '<p>No measures are recorded for this client.</p>';
  const plan = care.plan
    ? `<p>${e(care.plan.version)}</p>
${care.plan.problems
  .map(
    (p) => `<h3>${e(p.heading)}</h3>
${p.goals
  .map(
    (g) => `<h4>${e(g.heading)}</h4>
${list(g.facts)}
${g.objectives.length ? `<p>Objectives:</p>${list(g.objectives)}` : ''}
<p>Notes that addressed this goal:${g.notes.length ? '' : ' none.'}</p>${list(g.notes)}`,
  )
  .join('\n')}`,
  )
  .join('\n')}`
    : '<p>No treatment plan is recorded for this client.</p>';
  return `<section class="measures">\n<h2>Measures</h2>\n${measures}\n</section>\n<section class="plan">\n<h2>Treatment plan</h2>\n${plan}\n</section>`;
}
