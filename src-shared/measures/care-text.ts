import { z } from 'zod';
import type { Measure } from '../contract/measures';
import { GOAL_STATUS_LABEL as STATUS, type GoalNote, type TreatmentPlan } from '../contract/plan';
import { measureLabel, pointsOf, toSeries } from './series';
import { shortDate, summarizeTrend } from './trend';

/**
 * The measures and the treatment plan as the words of a records-request copy, once for every
 * format (HTML, PDF, on screen): tables of scores with the trend summary, then problems, goals,
 * objectives and the notes that addressed each goal.
 */
export const careText = z.object({
  measures: z.array(z.object({ title: z.string(), summary: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())) })),
  plan: z
    .object({
      version: z.string(),
      problems: z.array(
        z.object({
          heading: z.string(),
          goals: z.array(z.object({ heading: z.string(), facts: z.array(z.string()), objectives: z.array(z.string()), notes: z.array(z.string()) })),
        }),
      ),
    })
    .nullable(),
});
export type CareText = z.output<typeof careText>;

/** A client without measures (in the dates) and without a plan: the copy has no such section at all. */
export function careIsEmpty(care: CareText): boolean {
  return care.measures.length === 0 && care.plan === null;
}

export function careTextOf(measures: readonly Measure[], plan: TreatmentPlan | null, notesByGoal: Record<string, GoalNote[]>, treatmentStart?: string): CareText {
  const series = toSeries(measures);
  return {
    measures: series.map((s) => {
      const summary = summarizeTrend(s.spec, pointsOf(s), treatmentStart);
      return {
        title: s.spec.label,
        summary: summary?.text ?? `No complete ${s.spec.label} recorded.`,
        columns: ['Date', 'Score', 'Severity', 'Flags'],
        rows: s.measures.map((m) => [
          shortDate(m.date),
          m.score === null ? '—' : String(m.score),
          m.band ?? '—',
          [m.complete ? '' : `Incomplete (${m.answered} of ${m.items?.length ?? 1} answered)`, m.riskFlag ? 'Item 9 above 0' : ''].filter(Boolean).join('; ') || '—',
        ]),
      };
    }),
    plan: plan && {
      version: `Version ${plan.rev}`,
      problems: plan.problems.map((p, pi) => ({
        heading: `Problem ${pi + 1}: ${p.text}`,
        goals: p.goals.map((g, gi) => ({
          heading: `Goal ${pi + 1}.${gi + 1}: ${g.text}`,
          facts: [`Status: ${STATUS[g.status]}`, ...(g.targetDate ? [`Target date: ${shortDate(g.targetDate)}`] : []), ...(g.measure ? [`Measured by: ${measureLabel(g.measure)}`] : [])],
          objectives: g.objectives.map((o) => `${o.text} (${STATUS[o.status].toLowerCase()}${o.targetDate ? `, target ${shortDate(o.targetDate)}` : ''})`),
          notes: (notesByGoal[g.id] ?? []).map((n) => `${shortDate(n.serviceDate)}: ${n.title || 'Untitled'}`),
        })),
      })),
    },
  };
}
