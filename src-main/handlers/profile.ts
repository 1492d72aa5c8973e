import { ProfileRepo } from '../core/profile/profile-repo';
import type { HandlersFor, ServiceContext } from './types';

export function profileHandlers({ vault }: ServiceContext): HandlersFor<'profile'> {
  const repo = () => new ProfileRepo(vault.unlocked().store);
  return {
    'profile.get': () => ({ profile: repo().get() }),
    'profile.update': (input) => repo().update(input),
  };
}
