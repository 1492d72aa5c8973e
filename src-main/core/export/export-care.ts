import { careTextOf, type CareText } from '../../../src-shared/measures/care-text';
import type { UnlockedSession } from '../vault/unlocked-session';

/**
 * A client's measures and treatment plan for a records-request copy: the measures dated inside
 * the requested dates, the plan as it stands, and under each goal only notes the copy holds (a
 * draft or a note outside the dates left out of the copy is not named here either).
 */
export function careOf(s: UnlockedSession, clientId: string, o: { treatmentStart?: string; from?: string; to?: string; noteIds: ReadonlySet<string> }): CareText {
  const all = s.measures.list(clientId);
  const measures = all.filter((m) => (!o.from || m.date >= o.from) && (!o.to || m.date <= o.to));
  const { plan, notesByGoal } = s.plans.get(clientId);
  const inCopy = Object.fromEntries(Object.entries(notesByGoal).map(([goal, notes]) => [goal, notes.filter((n) => o.noteIds.has(n.noteId))]));
  // Treatment starts at intake; without an intake date, at the first measure (as on screen).
  return careTextOf(measures, plan, inCopy, o.treatmentStart ?? all[0]?.date);
}
