import type { NotesRepo } from '../notes/notes-repo';
import type { GoalNoteSource } from './plan-repo';

/** The client's record notes with the goals each addressed. Psychotherapy notes are kept apart from the record: never under a goal. */
export function goalNotesFrom(notes: NotesRepo): GoalNoteSource {
  return {
    notesWithGoals: (clientId) =>
      notes
        .list({ clientId, includeTrashed: false })
        .filter((n) => !n.isPsychotherapy && n.damage === undefined)
        .map((n) => ({ noteId: n.id, title: n.title, serviceDate: n.serviceDate, signed: n.signed, goalIds: notes.get(n.id).session.goalIds ?? [] }))
        .filter((n) => n.goalIds.length > 0),
  };
}
