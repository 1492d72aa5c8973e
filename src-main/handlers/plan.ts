import { PlanRepo } from '../core/plan/plan-repo';
import type { HandlersFor, ServiceContext } from './types';

export function planHandlers({ vault, now }: ServiceContext): HandlersFor<'plan'> {
  const repo = () => {
    const { store, notes } = vault.unlocked();
    return new PlanRepo(store, now, {
      notesWithGoals: (clientId) =>
        notes
          .list({ clientId, includeTrashed: false })
          // Psychotherapy notes are kept apart from the record: they never appear under a goal.
          .filter((n) => !n.isPsychotherapy && n.damage === undefined)
          .map((n) => ({ noteId: n.id, title: n.title, serviceDate: n.serviceDate, signed: n.signed, goalIds: notes.get(n.id).session.goalIds ?? [] }))
          .filter((n) => n.goalIds.length > 0),
    });
  };
  const assertClient = (clientId: string) => vault.unlocked().clients.get(clientId, new Map());
  return {
    'plan.get': ({ clientId }) => {
      assertClient(clientId);
      return repo().get(clientId);
    },
    'plan.save': (input) => {
      assertClient(input.clientId);
      return repo().save(input);
    },
    'plan.history': ({ clientId }) => {
      assertClient(clientId);
      return repo().history(clientId);
    },
  };
}
