import { goalNotesFrom } from '../core/plan/goal-notes';
import { PlanRepo } from '../core/plan/plan-repo';
import type { HandlersFor, ServiceContext } from './types';

export function planHandlers({ vault, now }: ServiceContext): HandlersFor<'plan'> {
  const repo = () => {
    const { store, notes } = vault.unlocked();
    return new PlanRepo(store, now, goalNotesFrom(notes));
  };
  /** NOT_FOUND for a client that does not exist (or was purged). */
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
    'plan.searchGoals': ({ text, clientId }) => repo().searchGoals(text, clientId, (id) => vault.unlocked().clients.nameOf(id)),
    'plan.history': ({ clientId }) => {
      assertClient(clientId);
      return repo().history(clientId);
    },
  };
}
