import { z } from 'zod';
import { id, rev, type ChannelSpec } from './common';
import { isoDate, oneOf } from './notes';

/** A client's treatment plan: problems, measurable goals, objectives. One encrypted record per client; every save is a revision. */

export const GOAL_STATUSES = ['active', 'met', 'revised', 'discontinued'] as const;
export const goalStatus = z.enum(GOAL_STATUSES, oneOf(GOAL_STATUSES));
export const GOAL_STATUS_LABEL: Record<(typeof GOAL_STATUSES)[number], string> = { active: 'Active', met: 'Met', revised: 'Revised', discontinued: 'Discontinued' };

const planText = (what: string) => z.string().trim().min(1, `Write the ${what}.`).max(5000, 'Too long (the limit is 5,000 characters).');
/** 'phq9', 'gad7' or 'custom:<name>': the trend shown beside a goal. */
export const measureKey = z.string().regex(/^(phq9|gad7|custom:.{1,100})$/, 'Not a measure.');

/** New items come without an id; the core gives them one and keeps it across revisions. */
export const objective = z.object({ id: id.optional(), text: planText('objective'), targetDate: isoDate.optional(), status: goalStatus }).strict();
export const goal = z
  .object({
    id: id.optional(),
    text: planText('goal'),
    targetDate: isoDate.optional(),
    status: goalStatus,
    measure: measureKey.optional(),
    objectives: z.array(objective).max(50).default([]),
  })
  .strict();
export const problem = z.object({ id: id.optional(), text: planText('problem'), goals: z.array(goal).max(50).default([]) }).strict();

const savedObjective = objective.extend({ id });
const savedGoal = goal.extend({ id, objectives: z.array(savedObjective) });
const savedProblem = problem.extend({ id, goals: z.array(savedGoal) });

export const treatmentPlan = z.object({
  clientId: id,
  rev,
  problems: z.array(savedProblem),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A note that says it addressed a goal. */
export const goalNote = z.object({ noteId: id, title: z.string(), serviceDate: isoDate, signed: z.boolean() });

/** A goal whose text (or its problem's) holds every word searched for. */
export const goalHit = z.object({ clientId: id, clientName: z.string(), goalId: id, goal: z.string(), problem: z.string(), status: goalStatus });

export const planContract = {
  /** The plan (null before the first save) and, per goal id, the client's notes that addressed it (newest first; trash and psychotherapy notes left out). */
  'plan.get': {
    input: z.object({ clientId: id }).strict(),
    output: z.object({ plan: treatmentPlan.nullable(), notesByGoal: z.record(z.string(), z.array(goalNote)) }),
  },
  /** Saves the whole plan as a new revision. baseRev null for the first save; a stale baseRev -> CONFLICT. */
  'plan.save': {
    input: z.object({ clientId: id, baseRev: rev.nullable(), problems: z.array(problem).max(50) }).strict(),
    output: treatmentPlan,
  },
  /**
   * Goals of every client's plan (or one client's) whose text or problem holds every word, the
   * last as a prefix; case and accents ignored. Plans are decrypted for the query, never indexed.
   */
  'plan.searchGoals': {
    input: z.object({ text: z.string().max(500, 'Too long (the limit is 500 characters).'), clientId: id.optional() }).strict(),
    output: z.array(goalHit),
  },
  /** Every revision of the plan, oldest first. */
  'plan.history': { input: z.object({ clientId: id }).strict(), output: z.array(treatmentPlan) },
} as const satisfies Record<`plan.${string}`, ChannelSpec>;

export type TreatmentPlan = z.output<typeof treatmentPlan>;
export type PlanGoal = TreatmentPlan['problems'][number]['goals'][number];
export type GoalNote = z.output<typeof goalNote>;
export type GoalHit = z.output<typeof goalHit>;
