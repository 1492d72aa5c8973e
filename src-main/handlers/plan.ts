import type { HandlersFor, ServiceContext } from './types';

export function planHandlers({ vault }: ServiceContext): HandlersFor<'plan'> {
  const plans = () => vault.unlocked().plans;
  return {
    'plan.get': ({ clientId }) => plans().get(clientId),
    'plan.save': (input) => plans().save(input),
    'plan.searchGoals': ({ text, clientId }) => plans().searchGoals(text, clientId, (id) => vault.unlocked().clients.nameOf(id)),
    'plan.history': ({ clientId }) => plans().history(clientId),
  };
}
