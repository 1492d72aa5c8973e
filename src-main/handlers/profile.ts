import type { HandlersFor, ServiceContext } from './types';

export function profileHandlers({ vault }: ServiceContext): HandlersFor<'profile'> {
  const repo = () => vault.unlocked().profile;
  return {
    'profile.get': () => ({ profile: repo().get() }),
    'profile.update': (input) => repo().update(input),
  };
}
